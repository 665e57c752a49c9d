// swift-tools-version:6.1
// The package graph is the architecture: one direction of dependency, from the thin CLI
// down to pure code. See ARCHITECTURE.md.
import PackageDescription

let package = Package(
    name: "Opine",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "opine", targets: ["opine"]),
        // The web page, apart: Hummingbird and SwiftNIO cost minutes to build, and search never needs them.
        .executable(name: "opine-serve", targets: ["opine-serve"]),
        .library(name: "Opine", targets: ["Opine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        // The HTTP server of `opine-serve` only; its optional traits (swift-configuration, full
        // Foundation) left out.
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: []),
        // Hummingbird's own, named for their types: NIOCore's `Channel` (the port a server bound),
        // HTTPTypes' header names.
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
    ],
    targets: [
        // Pure: article parsing, the analyzer (tokenizer + stemmer), passages, query syntax.
        .target(name: "OpineText"),
        // Pure: evidence, BM25 parts, proximity, score combination, snippets, IR metrics.
        .target(name: "OpineRanking", dependencies: ["OpineText"]),
        // System libraries: libxml2's HTML parser and zlib, for web pages (OpineSources alone).
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        // One reader per format Opine reads, turning a file's bytes into Articles; the only
        // module importing libxml2.
        .target(name: "OpineSources", dependencies: ["OpineText", "CLibXML2", "CZlib"]),
        // Pure: highlights to plain text, ANSI, escaped HTML and JSON, for every front end.
        .target(name: "OpineRender", dependencies: ["OpineText", "OpineRanking"]),
        // The only module that imports GRDB: schema, FTS5 tokenizer and auxiliary function, sync.
        .target(
            name: "OpineIndex",
            dependencies: [
                "OpineText", "OpineRanking", "OpineSources",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]),
        // The network: URLs and feeds fetched over http(s); the only module making requests.
        .target(name: "OpineFetch", dependencies: ["OpineText", "CCurl"]),
        // libcurl through dlopen, for OpineFetch: loaded on the first request, never by a search.
        .target(name: "CCurl", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        // The engine facade the CLI talks to.
        .target(name: "Opine", dependencies: ["OpineText", "OpineRanking", "OpineIndex", "OpineSources", "OpineRender", "OpineFetch"]),
        // Commands and printers; the only module that imports ArgumentParser.
        .target(
            name: "OpineCLI",
            dependencies: [
                "Opine", "OpineText", "OpineRanking", "OpineRender",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(name: "opine", dependencies: ["OpineCLI"]),
        // Pure: the web pages and the JSON API as request → response, for any HTTP server.
        .target(name: "OpineWeb", dependencies: ["Opine", "OpineText", "OpineRanking", "OpineRender"]),
        // The only module that imports Hummingbird: serves OpineWeb on a socket.
        .target(
            name: "OpineServer",
            dependencies: ["OpineWeb", "Opine", .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "NIOCore", package: "swift-nio"), .product(name: "HTTPTypes", package: "swift-http-types")]),
        .executableTarget(
            name: "opine-serve",
            dependencies: ["OpineServer", "OpineWeb", "OpineCLI", "Opine",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // Benchmarks: prints figures beside raw FTS5 and rg; never part of `swift test`.
        .executableTarget(name: "opine-bench", dependencies: ["Opine", "OpineIndex", "OpineText", "OpineRanking", "OpineSources"], path: "Benchmarks/Sources/opine-bench"),

        .testTarget(name: "OpineTextTests", dependencies: ["OpineText"]),
        .testTarget(name: "OpineRankingTests", dependencies: ["OpineRanking", "OpineText"]),
        .testTarget(
            name: "OpineIndexTests",
            dependencies: ["OpineIndex", "OpineText", "OpineRanking", "OpineSources", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "OpineTests", dependencies: ["Opine", "OpineText", "OpineRanking"]),
        .testTarget(name: "OpineSourcesTests", dependencies: ["OpineSources", "OpineText"]),
        .testTarget(name: "OpineRenderTests", dependencies: ["OpineRender", "OpineRanking"]),
        .testTarget(name: "OpineCLITests", dependencies: ["OpineCLI", "Opine", "OpineText", "OpineRender", "OpineFetch"]),
        .testTarget(name: "OpineWebTests", dependencies: ["OpineWeb", "Opine", "OpineText"]),
        .testTarget(name: "OpineServerTests", dependencies: ["OpineServer", "OpineWeb", "Opine", "OpineText", "CZlib"]),
    ],
    swiftLanguageModes: [.v6]
)
