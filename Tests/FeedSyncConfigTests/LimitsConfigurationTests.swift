import FeedSyncConfig
import Foundation
import Testing

/// The `limits:` section: every key read, sizes with units, a source's section over the
/// top-level one, and a bad value named by file, line and key.
struct LimitsConfigurationTests {
    @Test("without limits: every limit is left to the readers' defaults")
    func absent() throws {
        let configuration = try loadConfiguration(minimalSources)
        #expect(configuration.limits == Limits())
        #expect(configuration.sources[0].limits == Limits())
    }

    @Test("every key of a top-level limits: section is read, sizes in bytes or KiB, MiB, GiB")
    func everyKey() throws {
        let configuration = try loadConfiguration("""
            \(minimalSources)
            limits:
              max_record_bytes: 1 MiB
              max_source_bytes: 2GiB
              max_page_bytes: 65536
              max_pages: 500
              max_json_depth: 32
              connect_timeout_s: 5
              read_timeout_s: 30
              source_timeout_s: 600
            """)
        let expected = Limits(
            maxRecordBytes: 1 << 20, maxSourceBytes: 2 << 30, maxPageBytes: 65536, maxPages: 500, maxJSONDepth: 32,
            connectTimeout: .seconds(5), readTimeout: .seconds(30), sourceTimeout: .seconds(600))
        #expect(configuration.limits == expected)
        #expect(configuration.sources[0].limits == expected)
    }

    @Test("a source's limits: overrides the top-level ones key by key")
    func sourceOverrides() throws {
        let configuration = try loadConfiguration("""
            \(minimalSources)
                limits:
                  max_source_bytes: 10 MiB
            limits:
              max_source_bytes: 1 GiB
              max_pages: 7
            """)
        #expect(configuration.sources[0].limits.maxSourceBytes == 10 << 20)
        #expect(configuration.sources[0].limits.maxPages == 7)
        #expect(configuration.limits.maxSourceBytes == 1 << 30)
    }

    @Test("a size that is not a number of bytes is refused at its line and key", arguments: ["lots", "-1", "0", "12 TB", "2 TiB"])
    func badSize(value: String) throws {
        let (error, file) = try configurationError("""
            \(minimalSources)
            limits:
              max_source_bytes: \(value)
            """)
        expectPlace(error, file: file, line: 7, key: "limits.max_source_bytes")
        #expect(error.message.contains("size"))
    }

    @Test("a timeout that is not a whole number of seconds is refused at its line and key", arguments: ["0", "1.5", "soon"])
    func badTimeout(value: String) throws {
        let (error, file) = try configurationError("""
            \(minimalSources)
                limits:
                  source_timeout_s: \(value)
            """)
        expectPlace(error, file: file, line: 7, key: "sources[0].limits.source_timeout_s")
        #expect(error.message.contains("whole number"))
    }

    @Test("an unknown key in limits: is refused with its line")
    func unknownKey() throws {
        let (error, file) = try configurationError("""
            \(minimalSources)
            limits:
              max_bytes: 10
            """)
        expectPlace(error, file: file, line: 7, key: "limits.max_bytes")
        #expect(error.message.contains("unknown key"))
    }

    @Test("serve: reads its request and connection limits")
    func serveLimits() throws {
        let configuration = try loadConfiguration("""
            \(minimalSources)
            serve:
              max_query_bytes: 2 KiB
              max_header_bytes: 8192
              max_connections: 64
              request_timeout_s: 10
              idle_timeout_s: 20
            """)
        let serve = try #require(configuration.serve)
        #expect(serve.maxQueryBytes == 2048)
        #expect(serve.maxHeaderBytes == 8192)
        #expect(serve.maxConnections == 64)
        #expect(serve.requestTimeout == .seconds(10))
        #expect(serve.idleTimeout == .seconds(20))
    }

    @Test("serve.max_connections of 0 is refused at its line and key")
    func badConnections() throws {
        let (error, file) = try configurationError("""
            \(minimalSources)
            serve:
              max_connections: 0
            """)
        expectPlace(error, file: file, line: 7, key: "serve.max_connections")
    }
}
