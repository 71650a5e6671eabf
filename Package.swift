// swift-tools-version:6.0
import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "feedsync",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "feedsync", targets: ["feedsync"]),
        // For the fuzz targets in fuzz/ (a package of its own, so `swift test` is unaffected).
        .library(name: "FeedSyncSources", targets: ["FeedSyncSources"]),
        .library(name: "FeedSyncMapping", targets: ["FeedSyncMapping"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // SSE2 byte searches (static inline C, so Swift inlines them) for the CSV scanner and
        // the JSON writer's escape scan.
        .target(name: "CByteSearch"),
        // Models, JSON writing, errors and reports. No package dependencies, so it builds first and fast.
        .target(name: "FeedSyncCore", dependencies: ["CByteSearch"], swiftSettings: strict),
        // Byte streams and record readers (CSV now; XML and JSON pages later).
        // libxml2's SAX2 push parser for the XML source (Debian libxml2-dev).
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // zlib, for gzip feeds (Debian zlib1g-dev).
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "FeedSyncSources", dependencies: ["FeedSyncCore", "FeedSyncHTTP", "CZlib", "CLibXML2", "CByteSearch"],
            swiftSettings: strict
        ),
        // Line-aware YAML reading and the feedsync.yml model.
        .target(
            name: "FeedSyncConfig",
            dependencies: ["FeedSyncCore", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict
        ),
        // Mapping files, transforms and the mapper that turns records into products.
        .target(
            name: "FeedSyncMapping",
            dependencies: ["FeedSyncCore", "FeedSyncSources", "FeedSyncConfig", "FeedSyncHTTP"],
            swiftSettings: strict
        ),
        // HTTP behind a one-method transport protocol; URLSession (libcurl) implementation.
        .target(name: "FeedSyncHTTP", dependencies: ["FeedSyncCore"], swiftSettings: strict),
        // The Affili import client.
        .target(
            name: "FeedSyncUpload",
            dependencies: ["FeedSyncCore", "FeedSyncHTTP", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        // The state store: what was sent, acknowledged and withdrawn, per destination and pid (SQLite via GRDB).
        .target(
            name: "FeedSyncStore",
            dependencies: [
                "FeedSyncCore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        // `feedsync serve`: the Affili webhook and AccessTrade datafeed endpoints over the state store (Hummingbird).
        .target(
            name: "FeedSyncServer",
            dependencies: [
                "FeedSyncCore", "FeedSyncStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // Runs the commands' work: read, map, export, upload, report.
        .target(
            name: "FeedSyncEngine",
            dependencies: [
                "FeedSyncCore", "FeedSyncSources", "FeedSyncConfig", "FeedSyncMapping", "FeedSyncHTTP", "FeedSyncUpload",
                "FeedSyncStore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "feedsync",
            dependencies: [
                "FeedSyncEngine", "FeedSyncCore", "FeedSyncConfig", "FeedSyncHTTP", "FeedSyncUpload", "FeedSyncStore", "FeedSyncServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // Test support: a loopback HTTP server, the Affili stand-in and fixture lookup.
        .target(name: "FeedSyncTesting", dependencies: ["FeedSyncCore", "FeedSyncHTTP"], swiftSettings: strict),

        .testTarget(name: "FeedSyncCoreTests", dependencies: ["FeedSyncCore", "FeedSyncTesting", "CByteSearch"], swiftSettings: strict),
        .testTarget(
            name: "FeedSyncSourcesTests", dependencies: ["FeedSyncSources", "FeedSyncTesting", "FeedSyncHTTP"],
            swiftSettings: strict),
        .testTarget(name: "FeedSyncConfigTests", dependencies: ["FeedSyncConfig", "FeedSyncTesting"], swiftSettings: strict),
        .testTarget(
            name: "FeedSyncMappingTests",
            dependencies: ["FeedSyncMapping", "FeedSyncSources", "FeedSyncTesting"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "FeedSyncUploadTests", dependencies: ["FeedSyncUpload", "FeedSyncHTTP", "FeedSyncTesting"], swiftSettings: strict),
        .testTarget(
            name: "FeedSyncStoreTests",
            dependencies: ["FeedSyncStore", "FeedSyncTesting", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict),
        .testTarget(
            name: "FeedSyncServerTests",
            dependencies: [
                "FeedSyncServer", "FeedSyncStore", "FeedSyncTesting",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),
        .testTarget(
            name: "FeedSyncEngineTests",
            dependencies: [
                "FeedSyncEngine", "FeedSyncStore", "FeedSyncTesting", "feedsync", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
    ]
)
