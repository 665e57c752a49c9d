#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The articles an index holds under the roots of a run, sorted by path as bytes (the order of
/// ``FileList``), kept compactly: every path's bytes in one buffer. A sync compares it with the
/// walk's list by merging the two, so the 190k stored paths of a large index never become
/// Strings or dictionary keys (they had been two thirds of a one-file update at 190k files).
struct StoredList {
    struct Entry {
        var offset: UInt32
        var length: UInt32
        var stored: ChangeSet.Stored
    }

    private(set) var bytes: [UInt8] = []
    private(set) var entries: [Entry] = []

    var count: Int { entries.count }

    init() {}

    /// The list of a dictionary of stored articles by path (tests, and small indexes alike).
    init(_ stored: [String: ChangeSet.Stored]) {
        for (path, s) in stored {
            var path = path
            path.withUTF8 { append(path: $0, s) }
        }
        sortByPath()
    }

    mutating func append(path: UnsafeBufferPointer<UInt8>, _ stored: ChangeSet.Stored) {
        let offset = UInt32(truncatingIfNeeded: bytes.count)
        bytes.append(contentsOf: path)
        entries.append(Entry(offset: offset, length: UInt32(path.count), stored: stored))
    }

    func path(_ i: Int) -> String {
        withPath(i) { String(decoding: $0, as: UTF8.self) }
    }

    func withPath<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let e = entries[i]
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[Int(e.offset)..<Int(e.offset + e.length)])) }
    }

    /// Whether the path has a `#`: only such a path can be a record of a dataset file.
    func mayBeRecord(_ i: Int) -> Bool {
        withPath(i) { p in p.baseAddress.map { memchr($0, 0x23, p.count) != nil } ?? false }
    }

    /// Byte-wise order of paths. Rows read in id order are usually in path order already (a
    /// first run inserts in walk order) or nearly so, which the adaptive sort passes over fast.
    mutating func sortByPath() {
        bytes.withUnsafeBufferPointer { b in
            func path(_ e: Entry) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: b[Int(e.offset)..<Int(e.offset + e.length)])
            }
            let sorted = entries.indices.dropFirst().allSatisfy { FileList.compare(path(entries[$0 - 1]), path(entries[$0])) < 0 }
            if !sorted { entries.sort { FileList.compare(path($0), path($1)) < 0 } }
        }
    }

    /// Byte-wise comparison of stored path `i` with scanned file `j` of `files`.
    func compare(_ i: Int, with files: FileList, _ j: Int) -> Int {
        withPath(i) { stored in files.withPath(j) { FileList.compare(stored, $0) } }
    }
}
