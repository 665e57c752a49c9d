import Testing
@testable import OpineIndex

/// The sync's decisions as tables: stored articles against scanned files, then content hashes.
struct ChangeSetTests {
    static let stored: [String: ChangeSet.Stored] = [
        "/r/a.txt": .init(id: 1, size: 10, mtime: 5, hash: 100),
        "/r/b.txt": .init(id: 2, size: 20, mtime: 6, hash: 200),
        "/r/c.txt": .init(id: 3, size: 30, mtime: 7, hash: 300),
    ]

    static func scanned(_ files: [(String, Int64, Int64)]) -> FileList {
        var list = FileList()
        for (path, size, mtime) in files { list.append(path: path, size: size, mtime: mtime) }
        list.sortByPathRemovingDuplicates()
        return list
    }

    /// a as stored; b with a new mtime; c gone; d new.
    static let files = scanned([("/r/a.txt", 10, 5), ("/r/b.txt", 20, 9), ("/r/d.txt", 30, 9)])

    @Test func metadataDecidesWhatIsRead() {
        let changes = ChangeSet(stored: Self.stored, scanned: Self.files)
        #expect(changes.unchanged == 1)
        #expect(changes.toRead.map { Self.files[Int($0)].path } == ["/r/b.txt", "/r/d.txt"])
        #expect(changes.known == ["/r/b.txt": Self.stored["/r/b.txt"]!])
        #expect(changes.missing == ["/r/c.txt": Self.stored["/r/c.txt"]!])
    }

    @Test(arguments: [
        // (hash of b, hash of d) → (decision for b, decision for d, still missing)
        (200, 300, ChangeSet.Decision.touched(id: 2), ChangeSet.Decision.renamed(id: 3, from: "/r/c.txt"), 0),
        (201, 300, .changed(id: 2), .renamed(id: 3, from: "/r/c.txt"), 0),
        (200, 999, .touched(id: 2), .added, 1),
        (300, 300, .changed(id: 2), .renamed(id: 3, from: "/r/c.txt"), 0),
    ] as [(Int64, Int64, ChangeSet.Decision, ChangeSet.Decision, Int)])
    func contentDecidesWhatIsWritten(b: Int64, d: Int64, forB: ChangeSet.Decision, forD: ChangeSet.Decision, missing: Int) {
        var changes = ChangeSet(stored: Self.stored, scanned: Self.files)
        #expect(changes.decide(path: "/r/b.txt", hash: b) == forB)
        #expect(changes.decide(path: "/r/d.txt", hash: d) == forD)
        #expect(changes.missing.count == missing)
    }

    @Test func aRenameIsClaimedOnce() {
        let files = Self.scanned([("/r/d.txt", 30, 9), ("/r/e.txt", 30, 9)])
        var changes = ChangeSet(stored: ["/r/c.txt": Self.stored["/r/c.txt"]!], scanned: files)
        #expect(changes.decide(path: "/r/d.txt", hash: 300) == .renamed(id: 3, from: "/r/c.txt"))
        #expect(changes.decide(path: "/r/e.txt", hash: 300) == .added)
    }

    @Test func anEmptyIndexReadsEverything() {
        let changes = ChangeSet(stored: [:], scanned: Self.files)
        #expect(changes.toRead.count == 3)
        #expect(changes.unchanged == 0 && changes.missing.isEmpty)
    }
}
