import ArgumentParser
import Foundation
import Opine
import OpineCLI
import OpineServer
import OpineWeb

/// `opine-serve`: the search as a local web page and a JSON API, over one read-only engine.
@main
struct ServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "opine-serve",
        abstract: "Serve Opine's search as a web page and a JSON API (Ctrl-C stops it).",
        discussion: """
            Pages: / (search box), /search?q=…, /article/ID?q=…; API: /api/search?q=…, /api/article/ID, /api/trend?q=…, /api/stats. Binds 127.0.0.1 unless --host says otherwise. The index is opened read-only: `opine index` in another terminal updates it, and the next request sees the change.
            """,
        version: "opine-serve \(Engine.version)")

    @OptionGroup var location: IndexOptions

    @Option(help: "The port (0: any free one).")
    var port: Int = 8080

    @Option(help: "The address to listen on; anything but loopback lets other machines read the index.")
    var host: String = "127.0.0.1"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
    }

    func run() async throws {
        var reader: Engine?
        let outcome = OpineMain.outcome {
            // The default index is brought up to date with Corpus/ first, as `opine search` does.
            let path = try location.openForSearch().indexPath
            reader = try Engine(indexPath: path, readOnly: true)
        }
        if let message = outcome.message { ServerCommand.say(message.replacingOccurrences(of: "opine: ", with: "opine-serve: ")) }
        guard let engine = reader else { throw ExitCode(outcome.code) }
        if !Server.isLoopback(host) {
            ServerCommand.say("opine-serve: warning: listening on \(host): other machines can read this index")
        }
        let index = Paths.display(engine.indexPath), shownHost = ServerCommand.urlHost(host)
        do {
            try await Server(app: WebApp(engine: engine), host: host, port: port).run { bound in
                let line = "opine-serve: serving \(index) at http://\(shownHost):\(bound)/ (Ctrl-C stops)\n"
                FileHandle.standardOutput.write(Data(line.utf8))
            }
        } catch {
            ServerCommand.say("opine-serve: cannot serve on \(host):\(port): \(ServerCommand.oneLine(error))")
            throw ExitCode(2)
        }
        ServerCommand.say("opine-serve: stopped")
    }

    static func say(_ line: String) { FileHandle.standardError.write(Data((line + "\n").utf8)) }

    static func urlHost(_ host: String) -> String { host.contains(":") ? "[\(host)]" : host }

    static func oneLine(_ error: Error) -> String {
        String(describing: error).split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
