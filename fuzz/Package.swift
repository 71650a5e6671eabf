// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for feedsync's readers and transforms. Built apart from the main
// package so that `swift build` and `swift test` there never see -sanitize=fuzzer.
// `scripts/fuzz` builds them with `-Xswiftc -sanitize=fuzzer,address -Xswiftc
// -parse-as-library` on the command line, so that every Swift module (the readers, not
// only these entry points) is instrumented for coverage and checked by AddressSanitizer.

let package = Package(
    name: "feedsync-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "feedsync", path: "..")],
    targets: [
        // libFuzzer's driver behind a C function the targets' entry points call.
        .target(name: "FuzzEntry"),
        // What the reader targets share: draining a record source.
        .target(name: "FuzzSupport", dependencies: [.product(name: "FeedSyncSources", package: "feedsync")]),
        .executableTarget(
            name: "FuzzCSV", dependencies: ["FuzzEntry", "FuzzSupport", .product(name: "FeedSyncSources", package: "feedsync")]),
        .executableTarget(
            name: "FuzzXML", dependencies: ["FuzzEntry", "FuzzSupport", .product(name: "FeedSyncSources", package: "feedsync")]),
        .executableTarget(
            name: "FuzzJSON", dependencies: ["FuzzEntry", "FuzzSupport", .product(name: "FeedSyncSources", package: "feedsync")]),
        .executableTarget(
            name: "FuzzTransforms", dependencies: ["FuzzEntry", .product(name: "FeedSyncMapping", package: "feedsync")]),
    ]
)
