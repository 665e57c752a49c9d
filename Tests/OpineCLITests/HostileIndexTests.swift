import Foundation
import Testing

/// Faults of the index's own storage: a full disk and a read-only file system, simulated with
/// a small tmpfs (root only; skipped elsewhere), and a damaged database file.
struct HostileIndexTests {
    /// Mounts a tmpfs of `size` at a new folder; nil when this process may not mount.
    static func mountTmpfs(size: String) -> String? {
        guard getuid() == 0 else { return nil }
        let dir = NSTemporaryDirectory() + "/opine-tmpfs-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        guard run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", dir]) == 0 else { return nil }
        return dir
    }

    /// Whether this process may mount a tmpfs (root, and a kernel that lets it): the tests
    /// that need one are skipped visibly elsewhere, never passed without running.
    static let canMount: Bool = {
        guard let mount = mountTmpfs(size: "1m") else { return false }
        run("/bin/umount", [mount])
        try? FileManager.default.removeItem(atPath: mount)
        return true
    }()

    /// Runs `body` with a tmpfs mounted at a new folder, unmounted after.
    static func withTmpfs(size: String, _ body: (String) throws -> Void) throws {
        let mount = try #require(mountTmpfs(size: size), "cannot mount a tmpfs of \(size)")
        defer {
            run("/bin/umount", [mount])
            try? FileManager.default.removeItem(atPath: mount)
        }
        try body(mount)
    }

    @discardableResult
    static func run(_ tool: String, _ args: [String]) -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return -1 }
        p.waitUntilExit()
        return p.terminationStatus
    }

    @Test(.enabled(if: HostileIndexTests.canMount, "needs root to mount a tmpfs"))
    func fullDiskKeepsThePreviousContent() throws {
        try Self.withTmpfs(size: "3m") { mount in
            let index = mount + "/index.sqlite"
            let corpus = BinaryTests.root.appendingPathComponent("Corpus").path
            #expect(try BinaryTests.run(["index", "--index", index, corpus]).status == 0)
            let big = NSTemporaryDirectory() + "/opine-big-" + UUID().uuidString
            defer { try? FileManager.default.removeItem(atPath: big) }
            try CrashSafetyTests.makeCorpus(big, count: 4000)
            let full = try BinaryTests.run(["index", "--index", index, big])
            #expect(full.status == 2)
            #expect(full.stderr.contains("disk is full"), "\(full.stderr)")
            #expect(!(full.stdout + full.stderr).lowercased().contains("sqlite error"))
            // Free the space the run left behind (the WAL), then the old content is all there.
            let check = try BinaryTests.run(["check", "--index", index])
            #expect(check.status == 0, "\(check.stdout)")
            let seed = try BinaryTests.run(["search", "--index", index, "-l", "CPEC"])
            #expect(seed.status == 0)
        }
    }

    @Test(.enabled(if: HostileIndexTests.canMount, "needs root to mount a tmpfs"))
    func readOnlyFileSystemIsAClearError() throws {
        try Self.withTmpfs(size: "8m") { mount in
            let index = mount + "/index.sqlite"
            let corpus = BinaryTests.root.appendingPathComponent("Corpus").path
            #expect(try BinaryTests.run(["index", "--index", index, corpus]).status == 0)
            #expect(Self.run("/bin/mount", ["-o", "remount,ro", mount]) == 0)
            let write = try BinaryTests.run(["index", "--index", index, corpus])
            #expect(write.status == 2)
            #expect(write.stderr.contains("read-only"), "\(write.stderr)")
            let search = try BinaryTests.run(["search", "--index", index, "-l", "CPEC"])
            #expect(search.status == 0, "\(search.stderr)")
        }
    }

    @Test func truncatedDatabaseIsReportedNotCrashed() throws {
        let dir = NSTemporaryDirectory() + "/opine-trunc-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let index = dir + "/index.sqlite"
        #expect(try BinaryTests.run(["index", "--index", index, BinaryTests.root.appendingPathComponent("Corpus").path]).status == 0)
        _ = try BinaryTests.run(["check", "--index", index])  // checkpoint the WAL into the file
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: index + suffix) }
        let handle = try #require(FileHandle(forUpdatingAtPath: index))
        try handle.truncate(atOffset: 8192)
        try handle.close()
        for args in [["search", "--index", index, "CPEC"], ["check", "--index", index], ["stats", "--index", index]] {
            let r = try BinaryTests.run(args)
            #expect(r.status == 2, "\(args[0]): \(r.status) \(r.stderr)")
            #expect(!r.stderr.isEmpty && !r.stderr.lowercased().contains("sqlite error"))
        }
    }
}
