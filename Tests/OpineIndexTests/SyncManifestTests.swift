import Foundation
import GRDB
import Testing
@testable import OpineIndex

/// A re-index of nothing stops after the walk; anything that changed still gets read.
struct SyncManifestTests {
    func sync(_ store: IndexStore, _ roots: [String]) throws -> SyncReport {
        try store.sync(roots: roots, clock: monotonic)
    }

    @Test func nothingChangedStopsAfterTheWalkAndAnyChangeIsSeen() throws {
        let folder = TemporaryFolder()
        for n in 0..<20 { folder.write("a/n\(n).txt", "Note \(n)\n\nBy W\nMay 1, 2024\n\nText \(n) about tariffs.\n") }
        let store = try IndexStore(path: folder.path + "/index.sqlite")
        let root = folder.path + "/a"
        let first = try sync(store, [root])
        #expect(first.added == 20 && !first.walkOnly)
        let noop = try sync(store, [root])
        #expect(noop.walkOnly && noop.unchanged == 20 && noop.added == 0)

        // A new mtime (same content): read, found unchanged, and the manifest renewed.
        let touched = folder.path + "/a/n3.txt"
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: touched)
        let afterTouch = try sync(store, [root])
        #expect(!afterTouch.walkOnly && afterTouch.unchanged == 20)
        #expect(try sync(store, [root]).walkOnly)

        folder.write("a/new.txt", "New\n\nBy W\nMay 2, 2024\n\nNew text.\n")
        let added = try sync(store, [root])
        #expect(added.added == 1 && !added.walkOnly)
        try FileManager.default.removeItem(atPath: folder.path + "/a/n0.txt")
        #expect(try sync(store, [root]).removed == 1)
        #expect(try sync(store, [root]).walkOnly)
    }

    @Test func otherRootsAndOtherWritersVoidIt() throws {
        let folder = TemporaryFolder()
        folder.write("a/x.txt", "X\n\nText.\n")
        folder.write("b/y.txt", "Y\n\nText.\n")
        let store = try IndexStore(path: folder.path + "/index.sqlite")
        _ = try sync(store, [folder.path + "/a"])
        // Another root's run writes to the index: the generation moves on.
        #expect(try sync(store, [folder.path + "/b"]).added == 1)
        let a = try sync(store, [folder.path + "/a"])
        #expect(!a.walkOnly && a.unchanged == 1, "the index changed since a's run: compared again")
        #expect(try sync(store, [folder.path + "/a"]).walkOnly)
        // Both roots at once is another set of roots.
        let both = try sync(store, [folder.path + "/a", folder.path + "/b"])
        #expect(!both.walkOnly && both.unchanged == 2)
        #expect(try sync(store, [folder.path + "/b", folder.path + "/a"]).walkOnly, "the same roots in another order")
    }

    /// Another run that writes but leaves no manifest of its own (one of its files failed):
    /// the index's generation moved on, so the first root's manifest no longer holds.
    @Test func aWriteWithoutAManifestVoidsTheOldOne() throws {
        let folder = TemporaryFolder()
        folder.write("a/x.txt", "X\n\nText.\n")
        folder.write("b/y.txt", "Y\n\nText.\n")
        try Data([0x00, 0xFF, 0x00, 0x01]).write(to: URL(fileURLWithPath: folder.path + "/b/bad.txt"))
        let store = try IndexStore(path: folder.path + "/index.sqlite")
        _ = try sync(store, [folder.path + "/a"])
        let b = try sync(store, [folder.path + "/b"])
        #expect(b.added == 1 && b.failed == 1)
        let a = try sync(store, [folder.path + "/a"])
        #expect(!a.walkOnly, "a's manifest predates b's write")
        #expect(a.unchanged == 1)
    }

    /// A file that failed is tried again on every run: no manifest is written after a failure.
    @Test func aFailedFileIsTriedAgain() throws {
        let folder = TemporaryFolder()
        folder.write("a/ok.txt", "OK\n\nText.\n")
        try Data([0x00, 0xFF, 0x00, 0x01]).write(to: URL(fileURLWithPath: folder.path + "/a/bad.txt"))
        let store = try IndexStore(path: folder.path + "/index.sqlite")
        #expect(try sync(store, [folder.path + "/a"]).failed == 1)
        let again = try sync(store, [folder.path + "/a"])
        #expect(again.failed == 1 && !again.walkOnly)
        folder.write("a/bad.txt", "Fixed\n\nNow text.\n")
        #expect(try sync(store, [folder.path + "/a"]).added == 1)
        #expect(try sync(store, [folder.path + "/a"]).walkOnly)
    }
}
