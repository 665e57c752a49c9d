import Foundation

/// The bytes a reader reads: a file, read in chunks (a dataset export of any size keeps memory
/// flat), or bytes already in memory (a page the index has hashed, a test's text).
public struct SourceInput: Sendable {
    /// The file's path, for titles taken from its name and for messages.
    public let path: String
    private let bytes: [UInt8]?

    /// Chunks are read this large: big enough that reads do not dominate, small beside memory.
    static let chunkBytes = 1 << 16

    /// The file at `path`, read when a reader asks.
    public static func file(_ path: String) -> SourceInput { SourceInput(path: path, bytes: nil) }

    /// `bytes`, read from the file at `path`.
    public static func bytes(_ bytes: [UInt8], path: String) -> SourceInput { SourceInput(path: path, bytes: bytes) }

    /// The whole content.
    public func contents() throws -> [UInt8] {
        if let bytes { return bytes }
        var out: [UInt8] = []
        try forEachChunk { out += $0; return true }
        return out
    }

    /// Calls `body` with each chunk in order, until it returns false or the bytes end. A file can
    /// be read any number of times (each from its start).
    public func forEachChunk(_ body: ([UInt8]) throws -> Bool) throws {
        if let bytes {
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + SourceInput.chunkBytes)
                guard try body(Array(bytes[start..<end])) else { return }
                start = end
            }
            return
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw SourceFailure("cannot be read, skipped") }
        defer { try? handle.close() }
        while true {
            let chunk: Data
            do {
                guard let read = try handle.read(upToCount: SourceInput.chunkBytes), !read.isEmpty else { return }
                chunk = read
            } catch {
                throw SourceFailure("read error, skipped")
            }
            guard try body([UInt8](chunk)) else { return }
        }
    }
}
