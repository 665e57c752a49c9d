import ArgumentParser
import Foundation

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
        let server = (own as NSString).deletingLastPathComponent + "/opine-serve"
        guard FileManager.default.isExecutableFile(atPath: server) else {
            throw ValidationError("the server is built apart: run `swift run opine-serve` (or `swift build --product opine-serve`) once; \(server) is missing")
        }
        let argv = [server] + arguments
        var cArgs = argv.map { strdup($0) } + [nil]
        execv(server, &cArgs)
        throw ValidationError("could not start \(server): \(String(cString: strerror(errno)))")
    }
}
