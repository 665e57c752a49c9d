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

    /// The merge of the two sorted lists against set arithmetic on the same paths (the oracle):
    /// 600 random names, with spaces, dashes, capitals, accents, nested folders and prefixes of
    /// one another, so byte order (the walk's and SQLite's) is what the merge must follow.
    @Test(arguments: [1, 2, 3])
    func theMergeAgreesWithSetArithmetic(seed: UInt64) {
        var rng = SplitMix(seed)
        let pieces = ["a", "A", "a b", "a-b", "a.b", "ab", "é", "e", "z", "Z", "1", "a/b", "a/b/c", "x#y"]
        var stored: [String: ChangeSet.Stored] = [:]
        var files: [(String, Int64, Int64)] = []
        var unchanged = Set<String>(), read = Set<String>(), known = Set<String>(), missing = Set<String>()
        for n in 0..<600 {
            let path = "/r/" + (0..<(1 + Int(rng.next() % 3))).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined(separator: "/") + "\(n).txt"
            let s = ChangeSet.Stored(id: Int64(n), size: Int64(n), mtime: 1, hash: Int64(n))
            switch rng.next() % 4 {
            case 0: stored[path] = s; files.append((path, s.size, 1)); unchanged.insert(path)
            case 1: stored[path] = s; files.append((path, s.size, 2)); read.insert(path); known.insert(path)
            case 2: stored[path] = s; missing.insert(path)
            default: files.append((path, 7, 1)); read.insert(path)
            }
        }
        let list = Self.scanned(files)
        let changes = ChangeSet(stored: stored, scanned: list)
        #expect(changes.unchanged == unchanged.count)
        #expect(Set(changes.toRead.map { list[Int($0)].path }) == read)
        #expect(changes.toRead == changes.toRead.sorted(), "in path order")
        #expect(Set(changes.known.keys) == known)
        #expect(Set(changes.missing.keys) == missing)
    }

    /// The byte test of a path under a root, against the rule written on Strings.
    @Test func bytesAgreeOnWhatIsUnderARoot() {
        func isUnder(_ path: String, root: String) -> Bool { path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/") }
        for (path, root) in [("/r/a.txt", "/r"), ("/r", "/r"), ("/rx/a.txt", "/r"), ("/r/a.txt", "/r/"), ("/", "/"),
                             ("/a", "/"), ("/r2", "/r"), ("/r/s/t", "/r/s"), ("", "/r")] {
            let prefix = Array((root.hasSuffix("/") ? root : root + "/").utf8)
            let bytes = Array(path.utf8)
            let under = bytes.withUnsafeBufferPointer { IndexStore.isUnder($0, root: Array(root.utf8), prefix: prefix) }
            #expect(under == isUnder(path, root: root), "\(path) under \(root)")
        }
    }
}

/// A small seeded generator (SplitMix64), so a failing case can be run again.
struct SplitMix {
    var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
