import Foundation
import GRDB
import Testing
@testable import OpineIndex

/// `--rebuild` beside the index: what the files cannot give back survives it, and the index's
/// generation moves on (a reader's cached figures of the old index are never taken for the new).
struct RebuildTests {
    @Test func aRebuildKeepsFeedsSourcesAndFieldsAndMovesTheGenerationOn() throws {
        let folder = TemporaryFolder()
        folder.write("docs/a.txt", "Water rights\n\nThe river is shared by two provinces, and the dams divide them.")
        folder.write("docs/b.txt", "Grain prices\n\nWheat rose again this week, and the mills are worried.")
        let csv = folder.write("data/export.csv", "hed,copy\nPort strikes,The dockers stopped work for a week.\n")
        let store = try IndexStore(path: folder.path + "/index.sqlite")
        try store.setRecordFields("title=hed,text=copy", for: [csv])
        _ = try store.sync(roots: [folder.path + "/docs", csv], clock: monotonic)
        try store.follow("http://127.0.0.1:9/feed.xml")
        try store.setFeedItem("http://127.0.0.1:9/a.html", feed: "http://127.0.0.1:9/feed.xml", state: .failed)
        try store.setSourceURL("http://127.0.0.1:9/b.html", forPath: folder.path + "/docs/b.txt")
        try store.setArchiveFolder(folder.path + "/docs")
        let before = try store.read { db in try SyncManifest.generation(db) }
        let articles = try store.stats().articles

        let report = try store.rebuild(roots: [], clock: monotonic)
        #expect(report.added == 3 && !report.interrupted)
        #expect(try store.stats().articles == articles)
        #expect(try store.read { db in try SyncManifest.generation(db) } > before)
        #expect(try store.feeds().map(\.url) == ["http://127.0.0.1:9/feed.xml"])
        #expect(try store.failedFeedItems(of: "http://127.0.0.1:9/feed.xml") == ["http://127.0.0.1:9/a.html"])
        #expect(try store.archiveFolder() == IndexStore.canonical(folder.path + "/docs"))
        #expect(try store.roots().count == 2)
        // The page's address was kept: its article carries it again.
        let url = try store.read { db in
            try String.fetchOne(db, sql: "SELECT url FROM articles WHERE path LIKE '%/b.txt'")
        }
        #expect(url == "http://127.0.0.1:9/b.html")
        // The dataset file was read with its remembered columns (unusual names: without them
        // it has "no title or text column" and no article).
        let records = try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM articles WHERE path LIKE '%export.csv#%'") }
        #expect(records == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/index.sqlite.rebuild"))
        let check = try store.check()
        #expect(check.isHealthy && !check.staleFigures)
    }

    @Test func anInterruptedRebuildSwapsNothing() throws {
        let folder = TemporaryFolder()
        for i in 0..<20 { folder.write("docs/a\(i).txt", "Note \(i)\n\nMarkets were calm today, analysts said.") }
        let store = try IndexStore(path: folder.path + "/index.sqlite")
        _ = try store.sync(roots: [folder.path + "/docs"], clock: monotonic)
        folder.write("docs/extra.txt", "Extra\n\nA note the rebuild would have added.")
        let stop = StopRequest()
        stop.request()
        let report = try store.rebuild(roots: [], clock: monotonic, stop: stop)
        #expect(report.interrupted)
        #expect(try store.stats().articles == 20, "the old index, untouched")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/index.sqlite.rebuild"))
    }
}
