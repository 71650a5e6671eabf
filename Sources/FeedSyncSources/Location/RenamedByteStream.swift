/// A byte stream whose read errors name the source as the user knows it, not the
/// temporary file it was downloaded to.
struct RenamedByteStream: ByteStream, Sendable {
    var base: any ByteStream
    let name: String

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        do {
            return try base.read(into: buffer)
        } catch var error as ByteStreamError {
            error.path = name
            throw error
        }
    }
}
