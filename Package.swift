// swift-tools-version:6.1
// The package graph is the architecture: one direction of dependency, from the thin CLI
// down to pure code. See ARCHITECTURE.md.
import PackageDescription

let package = Package(
    name: "Opine",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "opine", targets: ["opine"]),
        .library(name: "Opine", targets: ["Opine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
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
        .target(name: "OpineFetch", dependencies: ["OpineText"]),
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
        .testTarget(name: "OpineCLITests", dependencies: ["OpineCLI", "Opine", "OpineText", "OpineRender"]),
    ],
    swiftLanguageModes: [.v6]
)
