#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file found under a root, with what incremental sync compares.
public struct SourceFileInfo: Hashable, Sendable {
    public var path: String
    public var size: Int64
    /// Modification time in nanoseconds since 1970.
    public var mtime: Int64
}

/// Walks roots for `*.txt` and `*.md` files with POSIX calls: symbolic links are followed once,
/// loops and dangling links are reported, hidden entries (`.git`) are skipped.
struct FileWalker {
    static let extensions = [".txt", ".md", ".markdown"]

    var files: [SourceFileInfo] = []
    var warnings: [String] = []
    private var visited = Set<[UInt64]>()

    static func isArticleName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return extensions.contains { lower.hasSuffix($0) }
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
            files.append(SourceFileInfo(path: root, size: Int64(st.st_size), mtime: FileWalker.mtime(st)))
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
                    } else if FileWalker.isArticleName(name) || true {
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
                if FileWalker.isArticleName(name) {
                    warnings.append("\(path): a folder named like an article; its contents are indexed")
                }
                walkDirectory(path)
            case S_IFREG:
                if FileWalker.isArticleName(name) {
                    files.append(SourceFileInfo(path: path, size: Int64(st.st_size), mtime: FileWalker.mtime(st)))
                }
            default:
                if FileWalker.isArticleName(name) {
                    warnings.append("\(path): not a regular file, skipped")
                }
            }
        }
    }
}
