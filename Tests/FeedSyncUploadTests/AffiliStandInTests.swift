import FeedSyncCore
import FeedSyncHTTP
import FeedSyncTesting
import FeedSyncUpload
import Foundation
import Testing

/// The stand-in enforces Affili's documented contract strictly.
struct AffiliStandInTests {
    private func post(_ json: String, token: String? = Sample.token) async throws -> (HTTPResponse, AffiliStandIn.Batch?) {
        try await withStandIn { standIn in
            let response = try await postRaw(json, to: standIn, token: token)
            return (response, standIn.acceptedBatches.first)
        }
    }

    private func message(of response: HTTPResponse) -> String {
        let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any]
        return object?["message"] as? String ?? ""
    }

    @Test("a valid product is accepted with Affili's success shape")
    func acceptsValidProduct() async throws {
        let (response, batch) = try await post(#"{"products":[\#(Sample.productJSON())]}"#)
        #expect(response.status == 200)
        #expect(
            String(decoding: response.body, as: UTF8.self)
                == #"{"status":"ok","tag":"import","api_version":"1.0.0","data":{"count":1}}"#)
        #expect(batch?.products.first?.pid == "P-1")
    }

    @Test("a product the client writes passes the stand-in's checks")
    func acceptsClientOutput() async throws {
        let (response, batch) = try await post(#"{"products":[\#(Sample.product().jsonText)]}"#)
        #expect(response.status == 200)
        #expect(batch?.products == [Sample.product()])
    }

    @Test("a price sent as a string is rejected")
    func rejectsStringPrice() async throws {
        let (response, batch) = try await post(#"{"products":[\#(Sample.productJSON(replacing: "price", with: #""1250000""#))]}"#)
        #expect(response.status == 400)
        #expect(message(of: response) == "products[0].price: expected number, got string")
        #expect(batch == nil)
    }

    @Test("1 where in_stock needs a JSON boolean is rejected")
    func rejectsNumberForBoolean() async throws {
        let (response, _) = try await post(#"{"products":[\#(Sample.productJSON(replacing: "in_stock", with: "1"))]}"#)
        #expect(response.status == 400)
        #expect(message(of: response) == "products[0].in_stock: expected boolean, got number")
    }

    @Test("true where price needs a number is rejected")
    func rejectsBooleanForNumber() async throws {
        let (response, _) = try await post(#"{"products":[\#(Sample.productJSON(replacing: "price", with: "true"))]}"#)
        #expect(message(of: response) == "products[0].price: expected number, got boolean")
    }

    @Test("1 where a category's is_primary needs a boolean is rejected")
    func rejectsNumberForCategoryBoolean() async throws {
        let categories = #"[{"cid":"10","name":"K","url":"u","parent_cid":null,"is_primary":1}]"#
        let (response, _) = try await post(
            #"{"products":[\#(Sample.productJSON(replacing: "categories", with: categories))]}"#)
        #expect(message(of: response) == "products[0].categories[0].is_primary: expected boolean, got number")
    }

    @Test("a missing old_price key is rejected; it must be present, null when there is none")
    func rejectsMissingOldPrice() async throws {
        let (response, _) = try await post(#"{"products":[\#(Sample.productJSON(removing: "old_price"))]}"#)
        #expect(response.status == 400)
        #expect(message(of: response) == "products[0].old_price: missing")
    }

    @Test("a number old_price is accepted")
    func acceptsNumberOldPrice() async throws {
        let (response, batch) = try await post(#"{"products":[\#(Sample.productJSON(replacing: "old_price", with: "1500000.5"))]}"#)
        #expect(response.status == 200)
        #expect(batch?.products.first?.oldPrice == 1_500_000.5)
    }

    @Test("a time without an offset is rejected", arguments: [
        "2024-05-01T08:00:00", "2024-05-01 08:00:00+03:30", "2024-05-01", "1714550400", "2024-05-01T08:00:00+0330",
        "2024-02-30T08:00:00Z",
    ])
    func rejectsTimeWithoutOffset(time: String) async throws {
        let (response, _) = try await post(
            #"{"products":[\#(Sample.productJSON(replacing: "updated_at", with: "\"\(time)\""))]}"#)
        #expect(response.status == 400)
        #expect(message(of: response).hasPrefix("products[0].updated_at: expected an ISO-8601 time with an offset"))
    }

    @Test("times with Z, an offset or a fraction are accepted", arguments: [
        "2024-05-01T08:00:00Z", "2024-05-01T08:00:00+03:30", "2024-05-01T08:00:00-05:00", "2024-05-01T08:00:00.250Z",
    ])
    func acceptsTimeWithOffset(time: String) {
        #expect(AffiliProductValidator.isISO8601WithOffset(time))
    }

    @Test("a number in images is rejected")
    func rejectsNonStringImage() async throws {
        let (response, _) = try await post(#"{"products":[\#(Sample.productJSON(replacing: "images", with: #"["a",2]"#))]}"#)
        #expect(message(of: response) == "products[0].images[1]: expected string, got number")
    }

    @Test("every problem is listed in errors, the first in message")
    func listsEveryProblem() async throws {
        let bad = Sample.productJSON(replacing: "pid", with: "7")
        let (response, _) = try await post(#"{"products":[\#(Sample.productJSON()),\#(bad),\#(bad)]}"#)
        let object = try #require(try JSONSerialization.jsonObject(with: response.body) as? [String: Any])
        #expect(object["errors"] as? [String] == [
            "products[1].pid: expected string, got number", "products[2].pid: expected string, got number",
        ])
        #expect(message(of: response) == "products[1].pid: expected string, got number (and 1 more problems)")
    }

    @Test("a body that is not {\"products\":[...]} is rejected", arguments: [
        "not json", "[]", #"{"items":[]}"#, #"{"products":{}}"#,
    ])
    func rejectsWrongShape(body: String) async throws {
        let (response, _) = try await post(body)
        #expect(response.status == 400)
    }

    @Test("an empty product list is rejected")
    func rejectsEmpty() async throws {
        let (response, _) = try await post(#"{"products":[]}"#)
        #expect(response.status == 400)
        #expect(message(of: response) == "products is empty; send at least one product")
    }

    @Test("more than 1000 products are rejected")
    func rejectsOverLimit() async throws {
        let products = Array(repeating: Sample.productJSON(), count: 1001).joined(separator: ",")
        let (response, _) = try await post(#"{"products":[\#(products)]}"#)
        #expect(response.status == 400)
        #expect(message(of: response) == "at most 1000 products per call, got 1001")
    }

    @Test("a missing or wrong token is answered with 401", arguments: [nil, "wrong"] as [String?])
    func rejectsToken(token: String?) async throws {
        let (response, batch) = try await post(#"{"products":[\#(Sample.productJSON())]}"#, token: token)
        #expect(response.status == 401)
        #expect(response.headers["WWW-Authenticate"]?.hasPrefix("Bearer") == true)
        #expect(batch == nil)
    }

    @Test("other paths are answered with 404 and other methods with 405")
    func routing() async throws {
        try await withStandIn { standIn in
            let transport = URLSessionTransport()
            let other = try await transport.send(
                HTTPRequest(method: .post, url: standIn.endpoint.appendingPathComponent("export")))
            let get = try await transport.send(HTTPRequest(method: .get, url: standIn.importURL))
            #expect(other.status == 404)
            #expect(get.status == 405)
            #expect(get.headers["Allow"] == "POST")
            #expect(standIn.requests.count == 2)
        }
    }

    @Test("failNext answers the next requests with the scripted status, then recovers")
    func scriptedFaults() async throws {
        try await withStandIn { standIn in
            standIn.failNext(status: 503, count: 2, retryAfter: "4")
            var statuses: [Int] = []
            for _ in 0..<3 {
                let response = try await postRaw(#"{"products":[\#(Sample.productJSON())]}"#, to: standIn)
                statuses.append(response.status)
                if response.status == 503 { #expect(response.headers["Retry-After"] == "4") }
            }
            #expect(statuses == [503, 503, 200])
            #expect(standIn.acceptedBatches.map(\.requestNumber) == [3])
        }
    }

    @Test("a request hook decides the answer for the Nth request")
    func hook() async throws {
        try await withStandIn { standIn in
            standIn.onRequest { number, _ in number == 2 ? .json(502, #"{"status":"error"}"#) : nil }
            var statuses: [Int] = []
            for _ in 0..<3 {
                statuses.append(try await postRaw(#"{"products":[\#(Sample.productJSON())]}"#, to: standIn).status)
            }
            #expect(statuses == [200, 502, 200])
        }
    }
}

/// JSON type detection, which must tell booleans from numbers on Linux.
struct JSONTypeTests {
    @Test("JSON true and 1 get different types")
    func booleanVersusNumber() throws {
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(#"{"t":true,"f":false,"one":1,"zero":0,"half":0.5}"#.utf8))
                as? [String: Any])
        #expect(JSONType.of(try #require(object["t"])) == .boolean)
        #expect(JSONType.of(try #require(object["f"])) == .boolean)
        #expect(JSONType.of(try #require(object["one"])) == .number)
        #expect(JSONType.of(try #require(object["zero"])) == .number)
        #expect(JSONType.of(try #require(object["half"])) == .number)
    }
}
