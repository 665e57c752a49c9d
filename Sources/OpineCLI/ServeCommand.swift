import ArgumentParser
import Foundation
import Opine

/// `opine serve …` starts `opine-serve`, the server built apart (Hummingbird and SwiftNIO cost
/// minutes to build, and `opine search` never needs them), with the same arguments.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the search as a local web page (runs opine-serve; see opine-serve --help).",
        discussion: "Build the server once with `swift build --product opine-serve` (or `swift run opine-serve`).")

    @Argument(parsing: .captureForPassthrough, help: "opine-serve's options: --port, --host, --index.")
    var arguments: [String] = []

    func run() throws {
        let own = IndexOptions.absolute(CommandLine.arguments.first ?? "opine")
        let folder = (own as NSString).deletingLastPathComponent
        let server = folder + "/opine-serve"
        if !FileManager.default.isExecutableFile(atPath: server) { try ServeCommand.build(into: folder) }
        guard FileManager.default.isExecutableFile(atPath: server) else {
            throw ValidationError("\(server) is missing: `opine serve` runs the opine-serve beside opine, built apart; in the Opine package run `swift build -c release --static-swift-stdlib --product opine-serve && cp .build/release/opine-serve \(folder)/` (or `swift run opine-serve` there)")
        }
        let argv = [server] + arguments
        var cArgs = argv.map { strdup($0) } + [nil]
        execv(server, &cArgs)
        throw ValidationError("could not start \(server): \(String(cString: strerror(errno)))")
    }

    /// Inside an Opine package (`swift run opine serve`), builds `opine-serve` beside this binary,
    /// once, in the same configuration; elsewhere does nothing.
    static func build(into folder: String) throws {
        guard let root = Locations.packageRoot(from: folder), let configuration = buildConfiguration(of: folder) else { return }
        Output.error("opine: building the server once (swift build --product opine-serve; a few minutes the first time)…")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["swift", "build", "--package-path", root, "-c", configuration, "--product", "opine-serve"]
        p.standardOutput = FileHandle.standardError
        try p.run()
        p.waitUntilExit()
    }

    /// `debug` or `release` for a binary in `.build/<triple>/debug` (or `.build/debug`); else nil.
    static func buildConfiguration(of folder: String) -> String? {
        let parts = folder.split(separator: "/")
        guard let last = parts.last, ["debug", "release"].contains(last), parts.contains(".build") else { return nil }
        return String(last)
    }
}
