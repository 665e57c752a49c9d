#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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

    subscript(i: Int) -> SourceFileInfo {
        let e = entries[i]
        let path = bytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[Int(e.offset)..<Int(e.offset + e.length)]), as: UTF8.self)
        }
        return SourceFileInfo(path: path, size: e.size, mtime: e.mtime)
    }

    /// Byte-wise order of paths (what SQLite's BINARY collation and Swift's `<` on String agree on
    /// for UTF-8 paths), then duplicates (overlapping roots) removed.
    mutating func sortByPathRemovingDuplicates() {
        bytes.withUnsafeBufferPointer { b in
            entries.sort { FileList.compare(b, $0, $1) < 0 }
            var kept: [Entry] = []
            kept.reserveCapacity(entries.count)
            for e in entries where kept.last.map({ FileList.compare(b, $0, e) != 0 }) ?? true { kept.append(e) }
            entries = kept
        }
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
        if n > 0 {
            let c = memcmp(x.baseAddress!, y.baseAddress!, n)
            if c != 0 { return Int(c) }
        }
        return x.count - y.count
    }
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
    private var visited = Set<[UInt64]>()

    init(formats: ArticleFormats) { self.formats = formats }

    /// `.pdf` for `report.PDF`; `.tar.gz` keeps its two parts; "no extension" otherwise.
    static func type(of name: String) -> String {
        let parts = name.lowercased().split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count > 1 else { return "no extension" }
        if parts.last == "gz", parts.count > 2 { return "." + parts.suffix(2).joined(separator: ".") }
        return "." + parts.last!
    }

    func isArticleName(_ name: String) -> Bool { formats.accepts(name) }

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
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasPrefix(".") { continue }
            names.append(name)
        }
        closedir(handle)
        names.sort()
        for name in names {
            let path = dir.hasSuffix("/") ? dir + name : dir + "/" + name
            var lst = stat()
            guard lstat(path, &lst) == 0 else { continue }  // vanished meanwhile
            var st = lst
            let isLink = (lst.st_mode & S_IFMT) == S_IFLNK
            if isLink {
                guard stat(path, &st) == 0 else {
                    if errno == ELOOP {
                        warnings.append("\(path): symbolic link loop, skipped")
                    } else if true {
                        warnings.append("\(path): broken symbolic link, skipped")
                    }
                    continue
                }
            }
            switch st.st_mode & S_IFMT {
            case S_IFDIR:
                let key = [UInt64(st.st_dev), UInt64(st.st_ino)]
                if visited.contains(key) {
                    warnings.append("\(path): symbolic link loop (folder already visited), skipped")
                    continue
                }
                visited.insert(key)
                if isArticleName(name) {
                    warnings.append("\(path): a folder named like an article; its contents are indexed")
                }
                walkDirectory(path)
            case S_IFREG:
                if isArticleName(name) {
                    files.append(path: path, size: Int64(st.st_size), mtime: FileWalker.mtime(st))
                } else {
                    skippedTypes[FileWalker.type(of: name), default: 0] += 1
                }
            default:
                if isArticleName(name) {
                    warnings.append("\(path): not a regular file, skipped")
                }
            }
        }
    }
}
