import FeedSyncCore
import FeedSyncStore

/// Writes a webhook answer, `{"data":{"products":[...]},"meta":{"page":{...}}}`, from the
/// stored product JSON as it is, without decoding it.
enum WebhookPageWriter {
    static func write(_ page: CatalogPage, query: CatalogQuery) -> [UInt8] {
        let meta = Page(current: query.page, per: query.perPage, total: page.total)
        var writer = JSONWriter(capacity: 128 + page.bodies.reduce(0) { $0 + $1.utf8.count + 1 })
        writer.raw(#"{"data":{"products":["#)
        for (index, body) in page.bodies.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.append(utf8: body)
        }
        writer.raw(#"]},"meta":{"page":{"current":"#)
        writer.number(meta.current)
        writer.raw(#","per":"#)
        writer.number(meta.per)
        writer.raw(#","last":"#)
        writer.number(meta.last)
        writer.raw(#","total":"#)
        writer.number(meta.total)
        writer.raw("}}}")
        return writer.bytes
    }
}
