import FeedSyncConfig
import FeedSyncCore
import Foundation
import Testing

/// The `accesstrade:` section: campaign, domain, deep-link base, time zone and commissions.
struct AccessTradeConfigurationTests {
    private func load(_ section: String) throws -> Configuration {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let yaml = """
            sources:
              - { name: shop, format: csv, location: catalog.csv, mapping: woocommerce-csv }
            accesstrade:
            \(section)
            """
        return try Configuration.load(path: try folder.write(yaml, to: "feedsync.yml"), environment: [:])
    }

    private let required = """
          campaign: lazada
          domain: lazada.vn
          deep_link: https://fast.accesstrade.com.vn/deep_link/4348611826491973833
        """

    @Test("update_time is written in Vietnam's time zone unless another is given")
    func timeZone() throws {
        #expect(try load(required).accessTrade?.timeZone.identifier == "Asia/Ho_Chi_Minh")
        #expect(try load(required + "\n  timezone: Asia/Tehran").accessTrade?.timeZone.identifier == "Asia/Tehran")
    }

    @Test("category commissions are read per category slug, with * for the others")
    func commissions() throws {
        let accessTrade = try #require(try load(required + """

              category_commission:
                thoi-trang-my-pham: { partner_reward: "8.00%", reward_type: Amount sold }
                "*": { partner_reward: "5.00%", reward_type: Amount sold }
            """).accessTrade)
        #expect(accessTrade.commission(forCategory: "thoi-trang-my-pham") == CategoryCommission(partnerReward: "8.00%", rewardType: "Amount sold"))
        #expect(accessTrade.commission(forCategory: "dien-thoai")?.partnerReward == "5.00%")
    }

    @Test("without category_commission no category has one")
    func noCommissions() throws {
        #expect(try load(required).accessTrade?.commission(forCategory: "x") == nil)
    }

    @Test("a deep link that is not an http(s) URL is refused with its line")
    func badDeepLink() throws {
        let error = try #require(throws: ConfigError.self) {
            try load("  campaign: lazada\n  domain: lazada.vn\n  deep_link: fast.accesstrade.com.vn/deep_link/1")
        }
        #expect(error.line == 6)
        #expect(error.key == "accesstrade.deep_link")
    }

    @Test("an unknown time zone is refused with its line")
    func badTimeZone() throws {
        let error = try #require(throws: ConfigError.self) { try load(required + "\n  timezone: Vietnam") }
        #expect(error.key == "accesstrade.timezone")
        #expect(error.message.contains("unknown time zone"))
    }

    @Test("a configuration without the section says what the AccessTrade format needs")
    func requireSection() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let configuration = try Configuration.load(
            path: try folder.write("sources:\n  - { name: shop, format: csv, location: c.csv, mapping: woocommerce-csv }\n", to: "feedsync.yml"),
            environment: [:])
        let error = try #require(throws: ConfigError.self) { try configuration.requireAccessTrade() }
        #expect(error.key == "accesstrade")
        #expect(error.message.contains("accesstrade.deep_link"))
    }
}
