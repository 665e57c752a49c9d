import Foundation
import OpineRanking

/// The per-index figures a search may read (article dates, for a date filter or a trend;
/// passage statistics), kept for one generation of the index.
///
/// A sync (in this process or another) bumps the generation it writes with the figures, so a
/// long-running process never keeps stale sizes or dates. Shared by concurrent searches: a
/// class behind a lock, which is why it may be `@unchecked Sendable`.
final class FiguresCache: @unchecked Sendable {
    struct Figures {
        var dates: [Int32]?
        var table: TableStatistics?
    }

    private let lock = NSLock()
    private var generation: Int64 = -1
    private var figures = Figures()

    /// The figure at `key` for `generation`, loaded by `load` when not held (outside the lock:
    /// two searches may both load it; the figures they read are the same).
    func value<T>(_ key: WritableKeyPath<Figures, T?>, generation: Int64, load: () throws -> T) rethrows -> T {
        if let held = held(key, generation: generation) { return held }
        let loaded = try load()
        lock.lock()
        defer { lock.unlock() }
        if generation > self.generation {
            self.generation = generation
            figures = Figures()
        }
        if generation == self.generation { figures[keyPath: key] = loaded }
        return loaded
    }

    private func held<T>(_ key: WritableKeyPath<Figures, T?>, generation: Int64) -> T? {
        lock.lock()
        defer { lock.unlock() }
        return generation == self.generation ? figures[keyPath: key] : nil
    }
}
