import Foundation
import Testing

/// End-to-end: dataset exports as people save them, indexed and searched with the binary.
extension BinaryTests {
    func search(_ index: String, _ args: [String]) throws -> [[String: Any]] {
        let run = try Self.run(["search", "--index", index, "--json", "-n", "50"] + args)
        return run.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    @Test func datasetExportsAsSpreadsheetsSaveThem() throws {
        let index = temporaryIndex()
        let folder = (index as NSString).deletingLastPathComponent + "/exports"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        func write(_ name: String, _ bytes: [UInt8]) throws { try Data(bytes).write(to: URL(fileURLWithPath: folder + "/" + name)) }
        try write("aclu.csv", Array("title,author,date,text\nVoting rights,\"Sarah Hinger; Sylvia Torres-Guillén\",19/07/2013,Gerrymander text.\nLater,Ann Lee,03/04/2020,Gerrymander again.\n".utf8))
        try write("excel.csv", [0xEF, 0xBB, 0xBF] + Array("title;author;date;text\r\nErste Seite;Jo Brandt;28/09/2020;Gerrymander, mit Komma.\r\n".utf8))
        try write("latin.csv", Array("title,author,date,text\nLatin,Jos".utf8) + [0xE9, 0x20, 0x4D, 0xFC] + Array("ller,2021-01-02,Gerrymander caf".utf8) + [0xE9, 0x2E, 0x0A])
        try write("vague.csv", Array("title,date,text\nVague,03/04/2020,Gerrymander vague.\nVaguer,05/06/2020,Gerrymander vaguer.\n".utf8))

        let built = try Self.run(["index", "--index", index, folder])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stdout.hasPrefix("6 added"))
        let warnings = built.stderr.split(separator: "\n").map(String.init)
        #expect(warnings.count == 2, "\(warnings)")
        #expect(warnings.contains { $0.hasSuffix("latin.csv: not valid UTF-8, read as windows-1252") })
        #expect(warnings.contains { $0.contains("vague.csv: 2 rows' dates could be dd/mm/yyyy or mm/dd/yyyy (line 2: 03/04/2020)") })

        let found = try search(index, ["gerrymander"])
        func article(_ title: String) -> [String: Any]? { found.first { $0["title"] as? String == title } }
        #expect(article("Voting rights")?["authors"] as? [String] == ["Sarah Hinger", "Sylvia Torres-Guillén"])
        #expect(article("Voting rights")?["date"] as? String == "2013-07-19")
        #expect(article("Later")?["date"] as? String == "2020-04-03")
        #expect(article("Erste Seite")?["date"] as? String == "2020-09-28")
        #expect(article("Latin")?["authors"] as? [String] == ["José Müller"])
        #expect(article("Vague") != nil)
        #expect(article("Vague")?["date"] as? String == nil)

        // Remembered: the vague file read month first from now on.
        let named = try Self.run(["index", "--index", index, "--date-format", "mm/dd/yyyy", folder + "/vague.csv"])
        #expect(named.status == 0)
        #expect(try search(index, ["vague"]).first?["date"] as? String == "2020-03-04")

        // Settings name files: a folder is refused, not remembered for nothing.
        let refused = try Self.run(["index", "--index", index, "--fields", "text=body", folder])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("is not one; give each export's path"))

        // opine parse prints each record, named by its identity.
        let parsed = try Self.run(["parse", "--json", folder + "/aclu.csv"])
        #expect(parsed.status == 0)
        let paths = parsed.stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["path"] as? String
        }
        #expect(paths.count == 2)
        #expect(paths.allSatisfy { $0.hasPrefix(folder + "/aclu.csv#hash=") })

        // Opine's own export, read back with its authors.
        let csv = try Self.run(["search", "--index", index, "--csv", "--author", "Sylvia Torres-Guillén", "gerrymander"])
        let back = (index as NSString).deletingLastPathComponent + "/back"
        try FileManager.default.createDirectory(atPath: back, withIntermediateDirectories: true)
        try csv.stdout.write(toFile: back + "/found.csv", atomically: false, encoding: .utf8)
        let other = (index as NSString).deletingLastPathComponent + "/other.sqlite"
        #expect(try Self.run(["index", "--index", other, back]).stdout.hasPrefix("1 added"))
        let read = try search(other, ["--author", "Hinger"])
        #expect(read.first?["authors"] as? [String] == ["Sarah Hinger", "Sylvia Torres-Guillén"])
        #expect(read.first?["date"] as? String == "2013-07-19")
    }
}
