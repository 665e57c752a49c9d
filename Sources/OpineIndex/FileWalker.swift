#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import OpineSources

/// A file found under a root, with what incremental sync compares.
public struct SourceFileInfo: Hashable, Sendable {
    public var path: String
    public var size: Int64
    /// Modification time in nanoseconds since 1970.
    public var mtime: Int64
}

/// The files a walk found, compactly: every path's bytes in one buffer, and 24 bytes of figures
/// per file. A `[SourceFileInfo]` cost ~130 bytes a file (a String object per path), which made
/// indexing's peak memory grow with the number of files (Benchmarks/RESULTS.md).
struct FileList {
    struct Entry {
        var offset: UInt32
        var length: UInt32
        var size: Int64
        var mtime: Int64
    }

    private(set) var bytes: [UInt8] = []
    private(set) var entries: [Entry] = []

    var count: Int { entries.count }

    mutating func append(path: String, size: Int64, mtime: Int64) {
        let offset = UInt32(truncatingIfNeeded: bytes.count)
        bytes.append(contentsOf: path.utf8)
        entries.append(Entry(offset: offset, length: UInt32(path.utf8.count), size: size, mtime: mtime))
    }

    /// A file found in a walk: the folder's path (ending in `/`) and the entry's name (NUL-terminated).
    mutating func append(prefix: [UInt8], name: [CChar], size: Int64, mtime: Int64) {
        let offset = UInt32(truncatingIfNeeded: bytes.count)
        bytes.append(contentsOf: prefix)
        for c in name.dropLast() { bytes.append(UInt8(bitPattern: c)) }
        entries.append(Entry(offset: offset, length: UInt32(prefix.count + name.count - 1), size: size, mtime: mtime))
    }

    subscript(i: Int) -> SourceFileInfo {
        let e = entries[i]
        let path = bytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[Int(e.offset)..<Int(e.offset + e.length)]), as: UTF8.self)
        }
        return SourceFileInfo(path: path, size: e.size, mtime: e.mtime)
    }

    /// The path of file `i` as bytes, without making a String.
    func withPath<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let e = entries[i]
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[Int(e.offset)..<Int(e.offset + e.length)])) }
    }

    /// Byte-wise order of paths (what SQLite's BINARY collation and Swift's `<` on String agree on
    /// for UTF-8 paths), then duplicates (overlapping roots) removed.
    mutating func sortByPathRemovingDuplicates() {
        bytes.withUnsafeBufferPointer { b in
            // A walk lists each folder in byte order: the list is usually sorted already.
            let sorted = entries.indices.dropFirst().allSatisfy { FileList.compare(b, entries[$0 - 1], entries[$0]) < 0 }
            if sorted { return }
            entries.sort { FileList.compare(b, $0, $1) < 0 }
            var kept: [Entry] = []
            kept.reserveCapacity(entries.count)
            for e in entries where kept.last.map({ FileList.compare(b, $0, e) != 0 }) ?? true { kept.append(e) }
            entries = kept
        }
    }

    /// A digest of every path with its size and mtime, in the list's order: two FNV-1a hashes
    /// of 64 bits with different seeds. Equal digests of sorted lists: the same files, unchanged.
    var digest: String {
        var a: UInt64 = 0xCBF2_9CE4_8422_2325, b: UInt64 = 0x6C62_272E_07BB_0142
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }  // no path: nothing to mix
            for e in entries {
                var i = Int(e.offset)
                let end = i + Int(e.length)
                // Eight bytes at a time, then the tail, then the size and mtime.
                while i + 8 <= end {
                    let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    FileList.mix(&a, &b, word)
                    i += 8
                }
                var tail: UInt64 = 0
                while i < end { tail = tail << 8 | UInt64(buffer[i]); i += 1 }
                FileList.mix(&a, &b, tail ^ UInt64(e.length) << 56)
                FileList.mix(&a, &b, UInt64(bitPattern: e.size))
                FileList.mix(&a, &b, UInt64(bitPattern: e.mtime))
            }
        }
        return String(a, radix: 16) + String(b, radix: 16) + ":" + String(entries.count)
    }

    /// Two independent multiply–xorshift lanes over 64-bit words.
    @inline(__always)
    static func mix(_ a: inout UInt64, _ b: inout UInt64, _ word: UInt64) {
        a = (a ^ word) &* 0x100_0000_01B3
        a ^= a >> 29
        b = (b ^ word) &* 0x9E37_79B9_7F4A_7C15
        b ^= b >> 31
    }

    /// The index of `path` in a sorted list, or nil.
    func index(of path: String) -> Int? {
        var key = Array(path.utf8)
        return key.withUnsafeMutableBufferPointer { k in
            bytes.withUnsafeBufferPointer { b in
                var lo = 0
                var hi = entries.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    let c = FileList.compare(b, entries[mid], k)
                    if c == 0 { return mid }
                    if c < 0 { lo = mid + 1 } else { hi = mid }
                }
                return nil
            }
        }
    }

    static func compare(_ b: UnsafeBufferPointer<UInt8>, _ x: Entry, _ y: Entry) -> Int {
        compare(UnsafeBufferPointer(rebasing: b[Int(x.offset)..<Int(x.offset + x.length)]),
                UnsafeBufferPointer(rebasing: b[Int(y.offset)..<Int(y.offset + y.length)]))
    }

    static func compare(_ b: UnsafeBufferPointer<UInt8>, _ x: Entry, _ key: UnsafeMutableBufferPointer<UInt8>) -> Int {
        compare(UnsafeBufferPointer(rebasing: b[Int(x.offset)..<Int(x.offset + x.length)]), UnsafeBufferPointer(key))
    }

    static func compare(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Int {
        let n = min(x.count, y.count)
        if n > 0, let a = x.baseAddress, let b = y.baseAddress {
            let c = memcmp(a, b, n)
            if c != 0 { return Int(c) }
        }
        return x.count - y.count
    }
}

/// An entry of a folder as `fstatat` saw it.
enum EntryStatus: Sendable {
    case vanished
    /// A symbolic link to nothing, or to itself (`loop`).
    case brokenLink(loop: Bool)
    /// What the entry is (through a link).
    case found(stat)

    init(_ name: [CChar], in folder: Int32) {
        var lst = stat()
        guard fstatat(folder, name, &lst, AT_SYMLINK_NOFOLLOW) == 0 else { self = .vanished; return }
        guard (lst.st_mode & S_IFMT) == S_IFLNK else { self = .found(lst); return }
        var st = stat()
        guard fstatat(folder, name, &st, 0) == 0 else { self = .brokenLink(loop: errno == ELOOP); return }
        self = .found(st)
    }
}

/// A buffer written by concurrent iterations, each at its own indices.
struct UnsafeMutableSendable<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
    init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }
}

/// Walks roots for the files of ``ArticleFormats`` with POSIX calls: symbolic links are followed once,
/// loops and dangling links are reported, hidden entries (`.git`) are skipped.
struct FileWalker {
    /// The formats read: which file names are articles.
    let formats: ArticleFormats
    var files = FileList()
    var warnings: [String] = []
    /// Regular files of other types, by extension (`.pdf`), so that none is ignored silently.
    var skippedTypes: [String: Int] = [:]
    /// Articles found that cannot be indexed (a name that is not UTF-8): failures of the run.
    var unreadable = 0
    private var visited = Set<[UInt64]>()

    /// The formats' endings, matched on the names' bytes.
    private let endings: FileEndings

    init(formats: ArticleFormats) {
        self.formats = formats
        endings = formats.endings
    }

    /// `.pdf` for `report.PDF`; `.tar.gz` keeps its two parts; "no extension" otherwise.
    static func type(of name: String) -> String {
        let parts = name.lowercased().split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count > 1 else { return "no extension" }
        if parts.last == "gz", parts.count > 2 { return "." + parts.suffix(2).joined(separator: ".") }
        return parts.last.map { "." + $0 } ?? "no extension"
    }

    mutating func walk(_ root: String) {
        var st = stat()
        guard stat(root, &st) == 0 else {
            warnings.append("\(root): \(String(cString: strerror(errno)))")
            return
        }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            visited.insert([UInt64(st.st_dev), UInt64(st.st_ino)])
            walkDirectory(root)
        } else if (st.st_mode & S_IFMT) == S_IFREG {
            files.append(path: root, size: Int64(st.st_size), mtime: FileWalker.mtime(st))
        } else {
            warnings.append("\(root): not a regular file or folder, skipped")
        }
    }

    static func mtime(_ st: stat) -> Int64 {
        #if canImport(Darwin)
        return Int64(st.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(st.st_mtimespec.tv_nsec)
        #else
        return Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        #endif
    }

    private mutating func walkDirectory(_ dir: String) {
        guard let handle = opendir(dir) else {
            warnings.append("\(dir): cannot read folder (\(String(cString: strerror(errno)))), skipped")
            return
        }
        defer { closedir(handle) }
        // Names as bytes in one buffer (NUL-terminated each), in byte order; each entry stat'ed
        // relative to the open folder: no String per name and no path resolved from the root
        // (a no-op re-index is this walk).
        var buffer: [CChar] = []
        var starts: [Int32] = []
        while let entry = readdir(handle) {
            withUnsafeBytes(of: entry.pointee.d_name) { raw in
                let chars = raw.bindMemory(to: CChar.self)
                guard let name = chars.baseAddress else { return }  // d_name is an array: never nil
                let length = strlen(name)
                guard length > 0, chars[0] != CChar(UInt8(ascii: ".")) else { return }
                starts.append(Int32(buffer.count))
                buffer.append(contentsOf: chars[0...length])  // with its NUL
            }
        }
        let names = buffer.withUnsafeBufferPointer { b -> [[CChar]] in
            guard let base = b.baseAddress else { return [] }  // no name was read
            FileWalker.sortNames(&starts, in: b)
            return starts.map { Array(UnsafeBufferPointer(start: base + Int($0), count: strlen(base + Int($0)) + 1)) }
        }
        let prefix = Array((dir.hasSuffix("/") ? dir : dir + "/").utf8)
        let stats = FileWalker.stats(of: names, in: dirfd(handle))
        for (name, status) in zip(names, stats) { visit(name, status, prefix: prefix) }
    }

    /// Sorts NUL-terminated names (their starts in `buffer`) in byte order, as `strcmp` does, by
    /// their first 16 bytes as two integers first: most comparisons of a folder of 19k names
    /// are then two integer compares, not a `strcmp` call (the sort was a quarter of a no-op
    /// re-index at 190k files).
    static func sortNames(_ starts: inout [Int32], in buffer: UnsafeBufferPointer<CChar>) {
        guard let base = buffer.baseAddress else { return }  // no names
        func key(_ start: Int32, _ word: Int) -> UInt64 {
            var k: UInt64 = 0
            var p = base + Int(start) + word * 8
            var ended = word == 1 && strnlen(base + Int(start), 8) < 8
            for _ in 0..<8 {
                let byte = ended ? 0 : UInt8(bitPattern: p.pointee)
                if byte == 0 { ended = true } else { p += 1 }
                k = k << 8 | UInt64(byte)
            }
            return k
        }
        var keyed = starts.map { (key($0, 0), key($0, 1), $0) }
        keyed.sort { a, b in
            if a.0 != b.0 { return a.0 < b.0 }
            if a.1 != b.1 { return a.1 < b.1 }
            return strcmp(base + Int(a.2), base + Int(b.2)) < 0
        }
        starts = keyed.map(\.2)
    }

    /// What `lstat` (then `stat`, for a link) says of each entry; in a large folder on every core
    /// (the system calls are most of a no-op re-index), the results in the names' order.
    static func stats(of names: [[CChar]], in folder: Int32) -> [EntryStatus] {
        var out = [EntryStatus](repeating: .vanished, count: names.count)
        let chunk = 2048
        out.withUnsafeMutableBufferPointer { buffer in
            let results = UnsafeMutableSendable(buffer)
            DispatchQueue.concurrentPerform(iterations: (names.count + chunk - 1) / chunk) { c in
                for i in (c * chunk)..<min(names.count, (c + 1) * chunk) { results.buffer[i] = EntryStatus(names[i], in: folder) }
            }
        }
        return out
    }

    private mutating func visit(_ name: [CChar], _ status: EntryStatus, prefix: [UInt8]) {
        let path = { String(decoding: prefix + name.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        let st: stat
        switch status {
        case .vanished: return  // removed meanwhile
        case .brokenLink(let loop):
            warnings.append("\(path()): \(loop ? "symbolic link loop" : "broken symbolic link"), skipped")
            return
        case .found(let s): st = s
        }
        if !FileWalker.isUTF8(name), st.st_mode & S_IFMT == S_IFDIR || isArticleName(name) {
            // The index keeps paths as text: such a file could be listed but never opened again.
            warnings.append("\(path()): the name is not UTF-8 text; rename it to index it, skipped")
            unreadable += 1
            return
        }
        switch st.st_mode & S_IFMT {
        case S_IFDIR:
            let key = [UInt64(st.st_dev), UInt64(st.st_ino)]
            if visited.contains(key) {
                warnings.append("\(path()): symbolic link loop (folder already visited), skipped")
                return
            }
            visited.insert(key)
            if isArticleName(name) {
                warnings.append("\(path()): a folder named like an article; its contents are indexed")
            }
            walkDirectory(path())
        case S_IFREG:
            if isArticleName(name) {
                files.append(prefix: prefix, name: name, size: Int64(st.st_size), mtime: FileWalker.mtime(st))
            } else {
                skippedTypes[FileWalker.type(of: FileWalker.string(name)), default: 0] += 1
            }
        default:
            if isArticleName(name) { warnings.append("\(path()): not a regular file, skipped") }
        }
    }

    /// A NUL-terminated name as a String (invalid UTF-8 repaired), without the deprecated
    /// `String(cString:)` of an array, which every build warned about.
    static func string(_ name: [CChar]) -> String {
        String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Whether a name (NUL-terminated) is valid UTF-8; most are ASCII, answered by a scan.
    static func isUTF8(_ name: [CChar]) -> Bool {
        if name.allSatisfy({ $0 >= 0 }) { return true }
        return name.withUnsafeBufferPointer { b in b.baseAddress.map { String(validatingCString: $0) != nil } ?? true }
    }

    /// A name (NUL-terminated) that the formats read (``FileEndings``).
    func isArticleName(_ name: [CChar]) -> Bool {
        name.withUnsafeBytes { endings.matches(UnsafeRawBufferPointer(rebasing: $0.dropLast())) }
    }
}
