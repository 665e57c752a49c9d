import Foundation
import Testing
@testable import OpineIndex
import OpineSources
import OpineRanking
import OpineText

/// Dataset exports: one article per CSV row or JSON line, each with its own identity.
struct DatasetTests {
    static let dawn = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpora/dawn-editorials-2025")
    static let hasDawn = FileManager.default.fileExists(atPath: dawn.appendingPathComponent("source/dawn_editorials.csv").path)

    /// The Dawn export indexes to 15 articles whose titles, dates and body text are those of the
    /// folder's own text versions (made from the same rows by hand, PROVENANCE.md).
    @Test(.enabled(if: hasDawn, "needs ../shared/corpora/dawn-editorials-2025"))
    func dawnExportMatchesItsTextVersions() throws {
        let folder = TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/csv", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.dawn.appendingPathComponent("source/dawn_editorials.csv").path,
                                         toPath: folder.path + "/csv/dawn.csv")
        let store = try IndexStore(path: folder.path + "/i.sqlite")
        let report = try store.sync(roots: [folder.path + "/csv"], clock: monotonic)
        #expect(report.added == 15)
        #expect(report.failed == 0)
        let docs = Self.dawn.appendingPathComponent("docs").path
        for name in try FileManager.default.contentsOfDirectory(atPath: docs) {
            let text = try String(contentsOfFile: docs + "/" + name, encoding: .utf8)
            let expected = ArticleParser().parse(text, fileName: name)
            let number = name.replacingOccurrences(of: "dawn-", with: "").replacingOccurrences(of: ".txt", with: "")
            let hits = try store.snapshot { s in
                try s.articleIDsNewestFirst().compactMap { try s.articles([$0]).values.first }.filter { $0.path.contains("/\(number)/") }
            }
            let record = try #require(hits.first, "\(name) has no row")
            #expect(record.title == expected.title)
            #expect(record.date == expected.date)
            #expect(record.outlet == "Dawn")
            let (_, passages) = try #require(try store.article(String(record.id)))
            let body = passages.filter { $0.kind == .body }.map(\.text).joined(separator: "\n")
            #expect(body.hasSuffix(expected.body.joined(separator: "\n")), "\(name)")
        }
    }

    @Test func oneChangedRowReindexesOneArticle() throws {
        let folder = TemporaryFolder()
        let header = "id,title,author,date,text\n"
        var rows = (1...5).map { "\($0),Title \($0),Ann Lee,2025-01-0\($0),\"Body of row \($0), with a comma.\"\n" }
        folder.write("data/export.csv", header + rows.joined())
        let store = try IndexStore(path: folder.path + "/i.sqlite")
        #expect(try store.sync(roots: [folder.path + "/data"], clock: monotonic).added == 5)
        rows[2] = "3,Title 3,Ann Lee,2025-01-03,\"Body of row 3, rewritten about tariffs.\"\n"
        rows.remove(at: 4)
        folder.write("data/export.csv", header + rows.joined())
        let report = try store.sync(roots: [folder.path + "/data"], clock: monotonic)
        #expect(report.updated == 1)
        #expect(report.unchanged == 3)
        #expect(report.removed == 1)
        #expect(report.added == 0)
        let plan = try #require(MatchBuilder().build([.word("tariffs", prefix: false)]))
        #expect(try store.articleIDs(matching: plan).count == 1)
        let record = try #require(try store.article("export.csv#id=3")?.0)
        #expect(record.title == "Title 3")
        #expect(record.authors == ["Ann Lee"])
        #expect(record.date?.description == "2025-01-03")
    }

    @Test func jsonLinesAndBadRecords() throws {
        let folder = TemporaryFolder()
        folder.write("data/a.jsonl", """
            {"headline": "First", "byline": "Bo Chan", "published": "2024-05-01", "body": "One.\\n\\nTwo.", "url": "https://x.com/1"}
            not json
            {"headline": "Second", "authors": [{"name": "Cy Diaz"}], "content": "Three."}
            {"nothing": true}

            """)
        let store = try IndexStore(path: folder.path + "/i.sqlite")
        let report = try store.sync(roots: [folder.path + "/data"], clock: monotonic)
        #expect(report.added == 2)
        #expect(report.failed == 2)
        #expect(report.warnings.contains { $0.hasSuffix("a.jsonl:2: not a JSON object, skipped") })
        #expect(report.warnings.contains { $0.hasSuffix("a.jsonl:4: object with neither title nor text, skipped") })
        let first = try #require(try store.article("a.jsonl#url=https://x.com/1"))
        #expect(first.0.authors == ["Bo Chan"])
        #expect(first.1.filter { $0.kind == .body }.map(\.text) == ["One.", "Two."])
    }

    @Test func namedColumns() throws {
        let folder = TemporaryFolder()
        folder.write("data/odd.csv", "heading,copy\nA title,\"Some copy, quoted \"\"well\"\"\nand a second line.\"\n")
        let store = try IndexStore(path: folder.path + "/i.sqlite")
        try store.setRecordFields("title=heading,text=copy", for: [folder.path + "/data/odd.csv"])
        #expect(try store.sync(roots: [folder.path + "/data"], clock: monotonic).added == 1)
        let (record, passages) = try #require(try store.article("1")) 
        #expect(record.title == "A title")
        #expect(passages.filter { $0.kind == .body }.map(\.text) == ["Some copy, quoted \"well\"", "and a second line."])
    }

    /// `--date-format` and `--fields` given for a file already indexed and not changed since:
    /// the next sync reads it again and writes the records the change affects (the file's size
    /// and mtime alone had kept it unread, and its rows' hashes unchanged).
    @Test func aRememberedSettingReadsAnUnchangedFileAgain() throws {
        let folder = TemporaryFolder()
        let file = folder.write("data/export.csv", "id,title,date,copy\n1,One,03/04/2020,First copy.\n2,Two,2020-05-06,Second copy.\n")
        let store = try IndexStore(path: folder.path + "/i.sqlite")
        let first = try store.sync(roots: [folder.path + "/data"], clock: monotonic)
        #expect(first.added == 2)
        #expect(first.warnings.contains { $0.hasSuffix("export.csv: 1 row's date could be dd/mm/yyyy or mm/dd/yyyy (line 2: 03/04/2020) and no date in the file decides which: left out; name the order with --date-format dd/mm/yyyy or mm/dd/yyyy") })
        #expect(try store.article("export.csv#id=1")?.0.date == nil)

        try store.setDatasetSettings(fields: nil, dates: .order(.dayFirst), for: [file])
        let second = try store.sync(roots: [folder.path + "/data"], clock: monotonic)
        #expect(second.updated == 2)
        #expect(second.warnings.isEmpty)
        #expect(try store.article("export.csv#id=1")?.0.date?.description == "2020-04-03")

        try store.setRecordFields("text=copy", for: [file])
        #expect(try store.sync(roots: [folder.path + "/data"], clock: monotonic).updated == 2)
        let (record, passages) = try #require(try store.article("export.csv#id=1"))
        #expect(passages.filter { $0.kind == .body }.map(\.text) == ["First copy."])
        #expect(record.date?.description == "2020-04-03", "the date order stays remembered beside the fields")
        #expect(try store.sync(roots: [folder.path + "/data"], clock: monotonic).unchanged == 2)
    }

    /// A dataset file given as the path to index, after its folder was: its records are found
    /// under it (they had been taken for new ones, and the insert broke the unique path).
    @Test func aDatasetFileGivenAsAPathAfterItsFolder() throws {
        let folder = TemporaryFolder()
        let file = folder.write("data/export.csv", "id,title,text\n1,One,First.\n2,Two,Second.\n")
        let store = try IndexStore(path: folder.path + "/i.sqlite")
        #expect(try store.sync(roots: [folder.path + "/data"], clock: monotonic).added == 2)
        try store.setRecordFields("title=title", for: [file])
        let again = try store.sync(roots: [file], clock: monotonic)
        #expect(again.added == 0)
        #expect(again.failed == 0)
        #expect(again.unchanged + again.updated == 2)
    }
}
