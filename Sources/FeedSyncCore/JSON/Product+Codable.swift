import Foundation

extension Product: Codable {
    enum CodingKeys: String, CodingKey {
        case pid, name, url, price
        case oldPrice = "old_price"
        case inStock = "in_stock"
        case images, categories
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    /// Decodes a product, accepting what real senders emit: `in_stock` as `0`/`1`/`"true"`,
    /// prices and ids as strings or numbers, a missing `old_price`, `images` or `categories`,
    /// and times as ISO-8601 (with or without offset) or epoch seconds.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        pid = try container.lenientString(forKey: .pid)
        name = try container.decode(String.self, forKey: .name)
        url = try container.decode(String.self, forKey: .url)
        price = try container.lenientDouble(forKey: .price)
        oldPrice = try container.lenientDoubleIfPresent(forKey: .oldPrice)
        inStock = try container.lenientBool(forKey: .inStock)
        images = try container.decodeIfPresent([String].self, forKey: .images) ?? []
        categories = try container.decodeIfPresent([Category].self, forKey: .categories) ?? []
        createdAt = try container.lenientDate(forKey: .createdAt)
        updatedAt = try container.lenientDate(forKey: .updatedAt)
    }

    /// Encodes the product in Affili's shape, with `old_price` as `null` when absent.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(pid, forKey: .pid)
        try container.encode(name, forKey: .name)
        try container.encode(url, forKey: .url)
        try container.encode(price, forKey: .price)
        try container.encode(oldPrice, forKey: .oldPrice)
        try container.encode(inStock, forKey: .inStock)
        try container.encode(images, forKey: .images)
        try container.encode(categories, forKey: .categories)
        try container.encode(Timestamp.format(createdAt), forKey: .createdAt)
        try container.encode(Timestamp.format(updatedAt), forKey: .updatedAt)
    }
}

extension Category: Codable {
    enum CodingKeys: String, CodingKey {
        case cid, name, url
        case parentCid = "parent_cid"
        case isPrimary = "is_primary"
    }

    /// Decodes a category, accepting `is_primary` as `0`/`1`/`"true"`, ids as numbers, and
    /// a missing, empty or `null` `parent_cid` as a root.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        cid = try container.lenientString(forKey: .cid)
        name = try container.decode(String.self, forKey: .name)
        url = try container.decodeIfPresent(String.self, forKey: .url) ?? ""
        parentCid = try container.lenientStringIfPresent(forKey: .parentCid)
        isPrimary = container.contains(.isPrimary) ? try container.lenientBool(forKey: .isPrimary) : false
    }

    /// Encodes the category in Affili's shape, with `parent_cid` as `null` for a root.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(cid, forKey: .cid)
        try container.encode(name, forKey: .name)
        try container.encode(url, forKey: .url)
        try container.encode(parentCid, forKey: .parentCid)
        try container.encode(isPrimary, forKey: .isPrimary)
    }
}
