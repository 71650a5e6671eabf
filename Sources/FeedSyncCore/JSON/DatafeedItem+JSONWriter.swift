extension DatafeedItem {
    /// Appends this item as one JSON object, fields in the order of AccessTrade's document.
    public func write(to writer: inout JSONWriter) {
        writer.raw("{")
        writer.key("aff_link"); writer.string(affLink)
        writer.raw(","); writer.key("cate"); writer.string(cate)
        writer.raw(","); writer.key("category_commission")
        if let categoryCommission {
            writer.raw("{"); writer.key("partner_reward"); writer.string(categoryCommission.partnerReward)
            writer.raw(","); writer.key("reward_type"); writer.string(categoryCommission.rewardType)
            writer.raw("}")
        } else {
            writer.raw("null")
        }
        writer.raw(","); writer.key("desc")
        if let desc { writer.string(desc) } else { writer.raw("null") }
        writer.raw(","); writer.key("discount"); writer.number(discount)
        writer.raw(","); writer.key("campaign"); writer.string(campaign)
        writer.raw(","); writer.key("domain"); writer.string(domain)
        writer.raw(","); writer.key("image"); writer.string(image)
        writer.raw(","); writer.key("name"); writer.string(name)
        writer.raw(","); writer.key("price"); writer.number(price)
        writer.raw(","); writer.key("product_id"); writer.string(productId)
        writer.raw(","); writer.key("sku"); writer.string(sku)
        writer.raw(","); writer.key("status_discount"); writer.number(statusDiscount)
        writer.raw(","); writer.key("discount_amount"); writer.number(discountAmount)
        writer.raw(","); writer.key("discount_rate"); writer.number(discountRate)
        writer.raw(","); writer.key("update_time")
        var time: [UInt8] = []
        Timestamp.appendDayFirst(updateTime, offset: updateTimeOffset, to: &time)
        writer.append(UInt8(ascii: "\""))
        writer.append(contentsOf: time)
        writer.append(UInt8(ascii: "\""))
        writer.raw(","); writer.key("url"); writer.string(url)
        writer.raw("}")
    }

    /// This item as compact JSON text.
    public var jsonText: String {
        var writer = JSONWriter(capacity: 512)
        write(to: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
