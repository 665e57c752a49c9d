import Foundation
import OpineSources

/// Files prepared on worker threads, handed to the writer in their order.
///
/// `jobs` threads take the next file, prepare it (``PreparedFile/prepare``: read, hash, parse,
/// analyze) with a tokenizer of their own, and leave it in its slot; ``next()`` gives the writer
/// the files one by one in order, waiting for the one it needs. Workers stay at most `window`
/// files (and `windowBytes` of files) ahead of the writer, so memory stays flat however many
/// files there are. Lock-guarded state, hence `@unchecked Sendable`.
final class PreparePipeline: @unchecked Sendable {
    /// The walk's compact list and the indices of the files to prepare (a `[SourceFileInfo]`
    /// of every file would cost ~130 bytes a file: 25 MB at 190,000 files).
    private let list: FileList
    private let order: [Int32]
    private let condition = NSCondition()
    private var slots: [Int: PreparedFile] = [:]
    /// The next file a worker takes, and the next the writer takes.
    private var taken = 0, consumed = 0
    /// Bytes of the files taken and not yet consumed.
    private var pendingBytes: Int64 = 0
    private var cancelled = false
    private let window: Int, windowBytes: Int64
    private let finished = DispatchGroup()

    init(files list: FileList, order: [Int32], jobs: Int, formats: ArticleFormats, knownHashes: Set<Int64>,
         window: Int = 256, windowBytes: Int64 = 32 << 20) {
        self.list = list
        self.order = order
        self.window = max(window, 1)
        self.windowBytes = windowBytes
        for _ in 0..<max(jobs, 1) {
            finished.enter()
            let thread = Thread { [self] in
                let tokenizer = OpineTokenizer(recorder: LayoutRecorder())
                while let i = claim() {
                    let prepared = PreparedFile.prepare(file(i), formats: formats, knownHashes: knownHashes, tokenizer: tokenizer)
                    deliver(prepared, at: i)
                }
                finished.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    func file(_ i: Int) -> SourceFileInfo { list[Int(order[i])] }

    func size(_ i: Int) -> Int64 { list.entries[Int(order[i])].size }

    /// The next file's index for a worker; waits while the window is full; nil when all are taken.
    private func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !cancelled && taken < order.count
            && (taken - consumed >= window || (pendingBytes >= windowBytes && taken > consumed)) {
            condition.wait()
        }
        guard !cancelled, taken < order.count else { return nil }
        pendingBytes += size(taken)
        taken += 1
        return taken - 1
    }

    private func deliver(_ prepared: PreparedFile, at i: Int) {
        condition.lock()
        slots[i] = prepared
        condition.broadcast()
        condition.unlock()
    }

    /// The next file in order, once prepared; nil after the last.
    func next() -> PreparedFile? {
        condition.lock()
        defer { condition.unlock() }
        guard consumed < order.count else { return nil }
        while slots[consumed] == nil { condition.wait() }
        let prepared = slots.removeValue(forKey: consumed)
        pendingBytes -= size(consumed)
        consumed += 1
        condition.broadcast()
        return prepared
    }

    /// Stops the workers (after the file each is preparing) and waits for them.
    func finish() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
        finished.wait()
    }
}
