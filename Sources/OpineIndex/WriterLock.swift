#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock` on `<index>.lock`, held while one process syncs the index.
///
/// SQLite serializes transactions, not runs: two `opine index` at once would each compare the
/// files with their own snapshot. The lock makes the second one stop at once with a clear
/// message; readers never take it. The kernel releases it if the process dies (`kill -9`).
struct WriterLock {
    let descriptor: Int32

    init(indexPath: String) throws {
        let lockPath = indexPath + ".lock"
        descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            if errno == EACCES || errno == EROFS { throw IndexError.readOnly(path: indexPath) }
            throw IndexError.io(path: lockPath, detail: "cannot create the lock file")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw IndexError.busy(path: indexPath)
        }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
