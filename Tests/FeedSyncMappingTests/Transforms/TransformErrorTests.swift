import FeedSyncMapping
import Testing

struct TransformErrorTests {
    @Test("a long value is cut to 40 characters and marked with an ellipsis")
    func truncatesLongValues() {
        let long = String(repeating: "۱۲۳۴۵", count: 20)
        let error = TransformError(transform: "price", value: long, reason: "x")
        #expect(error.value.count == TransformError.maxValueLength + 1)
        #expect(error.value.hasSuffix("…"))
        #expect(long.hasPrefix(error.value.dropLast()))
    }

    @Test("a value of 40 characters or less is kept whole")
    func keepsShortValues() {
        let value = String(repeating: "a", count: 40)
        #expect(TransformError(transform: "price", value: value, reason: "x").value == value)
    }

    @Test("the description names the transform, quotes the value and gives the reason")
    func description() {
        let error = TransformError(transform: "price", value: "10-20", reason: "contains more than one number")
        #expect(error.description == #"price "10-20": contains more than one number"#)
    }
}
