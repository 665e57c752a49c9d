import Foundation
import Testing

/// The built `opine-serve` (and `opine`) binaries, run as a user runs them.
enum Binaries {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ name: String) -> String? {
        for config in ["debug", "release"] {
            let candidate = root.appendingPathComponent(".build/\(config)/\(name)").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs `opine` with `args` to its end: status and stderr.
    static func opine(_ args: [String]) throws -> (status: Int32, stderr: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try #require(path("opine"), "build opine first (swift build)"))
        p.arguments = args
        let err = Pipe()
        p.standardOutput = FileHandle.nullDevice
        p.standardError = err
        try p.run()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: e, as: UTF8.self))
    }
}

/// `opine-serve` started on a free loopback port (`--port 0`); the port read from the line it
/// prints once listening. `stop()` sends SIGINT, as Ctrl-C does.
final class ServerProcess {
    let process = Process()
    let port: Int
    let announcement: String
    private let stderrPipe = Pipe()

    /// `launcher`: ["opine", "serve"] starts it as `opine serve …` does.
    init(arguments: [String], launcher: [String] = ["opine-serve"]) throws {
        process.executableURL = URL(fileURLWithPath: try #require(Binaries.path(launcher[0]), "build \(launcher[0]) first (swift build)"))
        process.arguments = Array(launcher.dropFirst()) + ["--port", "0"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = stderrPipe
        try process.run()
        var line = ""
        let handle = out.fileHandleForReading
        while !line.contains("\n") {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            line += String(decoding: chunk, as: UTF8.self)
        }
        announcement = line.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let r = announcement.range(of: #"127\.0\.0\.1:(\d+)/"#, options: .regularExpression),
              let port = Int(announcement[r].dropFirst("127.0.0.1:".count).dropLast()) else {
            process.terminate()
            throw ServerError.noAnnouncement(announcement + String(decoding: stderrPipe.fileHandleForReading.availableData, as: UTF8.self))
        }
        self.port = port
    }

    /// SIGINT, then the exit status and what it said on stderr.
    func stop() -> (status: Int32, stderr: String) {
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stderrPipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }

    deinit { if process.isRunning { process.terminate() } }

    enum ServerError: Error { case noAnnouncement(String) }
}
