import Foundation
import Testing

/// Issue 24's small surprises, each as a newcomer meets it: through the built binary.
@Suite(.enabled(if: BinaryTests.binary != nil, "needs the built opine binary (swift build)"))
struct NewcomerTests {
    /// A folder (absolute, no `//`) removed when the test ends.
    final class Folder {
        let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("opine-newcomer-" + UUID().uuidString)
        init(_ files: [String: String]) throws {
            for (name, text) in files {
                let file = (path as NSString).appendingPathComponent(name)
                try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try text.write(toFile: file, atomically: false, encoding: .utf8)
            }
        }
        var index: String { path + "/index.sqlite" }
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    func run(_ args: [String], cwd: String? = nil) throws -> BinaryTests.Run { try BinaryTests.run(args, cwd: cwd) }

    @Test(arguments: [["search"], ["trend"], ["index"], ["add"], ["follow"], ["update"], []])
    func helpListsTheUsageExitCode(_ command: [String]) throws {
        let help = try run(command + ["--help"])
        #expect(help.status == 0)
        let text = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")  // as wrapped to the terminal
        #expect(text.contains("64 usage error"), "opine \(command.joined()) --help")
    }

    @Test func anUnknownCommandNamesTheClosestOne() throws {
        let typo = try run(["serch", "climate"])
        #expect(typo.status == 64)
        #expect(typo.stderr == "opine: 'serch' is not a command; did you mean 'search'? (opine --help lists them)\n")
        let nothingClose = try run(["xyzzy"])
        #expect(nothingClose.status == 64)
        #expect(nothingClose.stderr.hasPrefix("opine: 'xyzzy' is not a command; the commands: search, index, show"))
    }

    @Test func countWithListIsAUsageError() throws {
        let r = try run(["search", "--index", "/nonexistent/i.sqlite", "-c", "-l", "CPEC"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("-c counts the matching articles and -l lists their files: give one of them"))
    }

    /// Run from the folder, with a relative --index: the index and both roots print from the
    /// root of the file system, and the folder pages would be kept in.
    @Test func statsPrintsTheAbsoluteIndexAndEveryRoot() throws {
        let folder = try Folder(["a/one.txt": "One\n2025-01-01\n\nAlpha.", "b/two.txt": "Two\n2025-01-02\n\nBeta."])
        #expect(try run(["index", "--index", "idx/i.sqlite", "a"], cwd: folder.path).status == 0)
        #expect(try run(["index", "--index", "idx/i.sqlite", "b"], cwd: folder.path).status == 0)
        let stats = try run(["stats", "--index", "idx/i.sqlite"], cwd: folder.path)
        let real = try #require(URL(fileURLWithPath: folder.path).resolvingSymlinksInPath().path as String?)
        #expect(stats.stdout.contains("index:     \(folder.path)/idx/i.sqlite"), "\(stats.stdout)")
        #expect(stats.stdout.contains("root:      \(real)/a\n") && stats.stdout.contains("root:      \(real)/b\n"), "\(stats.stdout)")
    }

    /// `--author Trump` said "no results for ''"; a query whose filters leave nothing named
    /// every filter, not the one that leaves nothing.
    @Test func aFilterThatLeavesNothingSaysWhich() throws {
        let folder = try Folder(["a.txt": "Ports\n\nBy Ann Lee\n2025-01-01\n\nThe ports of Karachi.",
                                 "b.txt": "Grain\n\nBy Bo Chen\n2025-03-01\n\nGrain and the ports."])
        _ = try run(["index", "--index", folder.index, folder.path])
        let nobody = try run(["search", "--index", folder.index, "--author", "Trump"])
        #expect(nobody.status == 1)
        #expect(nobody.stderr == "opine: no article is by 'Trump'\n")
        // Ann Lee wrote about ports, but not in March: the date leaves nothing, not the author.
        let late = try run(["search", "--index", folder.index, "--author", "Lee", "--since", "2025-02-01", "Karachi"])
        #expect(late.status == 1)
        #expect(late.stderr == "opine: 1 article matches 'Karachi'; none is dated 2025-02-01 to …\n")
    }

    /// "Trending" is in no article, "trends" is: the article found through the stem trend is
    /// listed, and the notice says how it matched, not that nothing has it.
    @Test func aWordMatchedOnlyThroughItsStemSaysSo() throws {
        let folder = try Folder(["a.txt": "Markets\n\n2025-01-01\n\nThe trends in markets are clear."])
        _ = try run(["index", "--index", folder.index, folder.path])
        let r = try run(["search", "--index", folder.index, "--color", "never", "Trending"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("1. Markets"))
        #expect(r.stderr == "opine: 'Trending' matched as 'trend…' in 1 article (none has the word as written)\n")
        #expect(!r.stderr.contains("no article has"))
    }

    /// `-l` over a CSV export printed `export.csv#id=…` per record, a path no tool can open:
    /// now the file once, its matching records counted on stderr, each named in --json.
    @Test func listPrintsEachFileOnceAsAPathThatExists() throws {
        let folder = try Folder([
            "csv/export.csv": "id,title,date,text\n1,Ports one,2025-01-01,The ports of Karachi.\n2,Ports two,2025-01-02,More ports.\n3,Grain,2025-01-03,Grain only.\n",
            "note.txt": "Note\n\n2025-01-04\n\nPorts again.",
        ])
        _ = try run(["index", "--index", folder.index, folder.path])
        let listed = try run(["search", "--index", folder.index, "-l", "ports"])
        #expect(listed.status == 0)
        let lines = listed.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(lines)")
        #expect(lines.allSatisfy { FileManager.default.fileExists(atPath: $0) }, "\(lines)")
        #expect(Set(lines.map { ($0 as NSString).lastPathComponent }) == ["export.csv", "note.txt"])
        #expect(listed.stderr.contains("export.csv: 2 matching records (--json names each)"))
        let json = try run(["search", "--index", folder.index, "--json", "ports"])
        let records = json.stdout.split(separator: "\n").filter { $0.contains("\"record\":") }
        #expect(records.count == 2)
        #expect(records.allSatisfy { $0.contains("export.csv\"") && ($0.contains("\"record\":\"id=1\"") || $0.contains("\"record\":\"id=2\"")) })
    }
}
