import Foundation

/// Headless Chromium, as a person's browser: the DOM after loading a page, or a screenshot.
enum Chromium {
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static var available: Bool {
        if path == nil { print("browser tests skipped: no chromium (apt-get install chromium)") }
        return path != nil
    }

    /// Runs Chromium headless on `url` with `flags`; its stdout.
    static func run(_ url: String, _ flags: [String]) throws -> String {
        let profile = NSTemporaryDirectory() + "opine-chromium-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: profile) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path!)
        p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
                       "--user-data-dir=\(profile)"] + flags + [url]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static func dom(_ url: String) throws -> String {
        try run(url, ["--virtual-time-budget=5000", "--dump-dom"])
    }

    static func screenshot(_ url: String, width: Int, height: Int) throws -> [UInt8] {
        let file = NSTemporaryDirectory() + "opine-shot-" + UUID().uuidString + ".png"
        defer { try? FileManager.default.removeItem(atPath: file) }
        _ = try run(url, ["--window-size=\(width),\(height)", "--screenshot=\(file)"])
        return [UInt8](FileManager.default.contents(atPath: file) ?? Data())
    }
}
