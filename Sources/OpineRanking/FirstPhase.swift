/// The first phase of a search: the `window` best articles by ``ArticleScore`` alone (under the
/// words rule, articles matching more clauses first), found by reading only the blocks of
/// article ids whose upper bound could still place an article among them (block-max, as
/// Lucene's and tantivy's block-max WAND skip blocks of a posting list).
///
/// Exact for its own score: an article outside the blocks read has a key below the window's
/// last (its block's bound is), so the window equals the exhaustive article-level ranking's
/// head. The index supplies the blocks' bounds and reads a block's rows; this type orders the
/// blocks, decides when to stop, and keeps the window (a bounded heap, O(window) memory).
public struct FirstPhase {
    /// What a candidate carries to phase 2. (Concrete: a generic heap, specialized in no other
    /// module, paid a metadata lookup per comparison: a third of a common-word search.)
    public typealias Payload = ArticleHits

    /// An article's place in the first phase's order.
    public struct Key: Hashable, Sendable {
        /// Clauses the article matches (counted only under the words rule).
        public var matched: Int
        public var score: Double
        public var article: Int64

        public init(matched: Int, score: Double, article: Int64) {
            self.matched = matched
            self.score = score
            self.article = article
        }
    }

    /// A block of article ids, with the most any of its articles can score.
    public struct Block: Hashable, Sendable {
        public var id: Int
        /// At least the article score of every article of the block.
        public var bound: Double
        /// Clauses some article of the block may match (bit i: clause i).
        public var present: UInt64

        public init(id: Int, bound: Double, present: UInt64) {
            self.id = id
            self.bound = bound
            self.present = present
        }
    }

    public let window: Int
    public let wordsRule: Bool
    public let clauseCount: Int
    /// The window so far: keys and payloads by slot, and a heap of slots whose root is the
    /// worst article kept (slots move, the payloads' arrays never do).
    private var keys: [Key] = []
    private var payloads: [Payload] = []
    private var heap: [Int] = []
    /// Blocks read, and articles offered (for benchmarks and `--explain`).
    public private(set) var blocksRead = 0
    public private(set) var rowsRead = 0

    public init(window: Int, wordsRule: Bool, clauseCount: Int) {
        self.window = max(window, 0)
        self.wordsRule = wordsRule
        self.clauseCount = clauseCount
    }

    /// The first phase's order (``ArticleRanker/precedes(_:_:_:_:wordsRule:)`` with the article
    /// score for the total).
    public static func precedes(_ a: Key, _ b: Key, wordsRule: Bool) -> Bool {
        if wordsRule && a.matched != b.matched { return a.matched > b.matched }
        if a.score != b.score { return a.score > b.score }
        return a.article < b.article
    }

    /// Blocks in the order to read them: the highest bound first (more clauses first under the
    /// words rule), so the window fills with good articles and the rest can be skipped.
    public func order(_ blocks: [Block]) -> [Block] {
        blocks.sorted { a, b in
            let pa = wordsRule ? a.present.nonzeroBitCount : 0, pb = wordsRule ? b.present.nonzeroBitCount : 0
            if pa != pb { return pa > pb }
            return a.bound != b.bound ? a.bound > b.bound : a.id < b.id
        }
    }

    /// False when no article of `block` can enter the window (nor can any of a block after it
    /// in ``order(_:)``): the phase ends.
    public func mustRead(_ block: Block) -> Bool {
        guard heap.count >= window, let root = heap.first else { return window > 0 }
        let worst = keys[root]
        let best = Key(matched: block.present.nonzeroBitCount, score: block.bound, article: Int64.min)
        return FirstPhase.precedes(best, worst, wordsRule: wordsRule)
    }

    /// True when the window holds `window` articles.
    public var isFull: Bool { heap.count >= window }

    /// `blocks` in runs of neighbouring ids (at most `maxGap` apart), each run in id order,
    /// the run with the best bound first.
    public func runs(_ blocks: [Block], maxGap: Int) -> [[Block]] {
        var out: [[Block]] = []
        for block in blocks.sorted(by: { $0.id < $1.id }) {
            if let last = out.last?.last, block.id - last.id <= maxGap {
                out[out.count - 1].append(block)
            } else {
                out.append([block])
            }
        }
        let ordered = order(blocks)
        let rank = Dictionary(ordered.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: min)
        return out.sorted { ($0.compactMap { rank[$0.id] }.min() ?? .max) < ($1.compactMap { rank[$0.id] }.min() ?? .max) }
    }

    /// The articles of `plan` that can still enter the window: under the words rule, once it
    /// is full, those matching at least as many clauses as its worst (FTS5 then reads fewer
    /// rows: a three-word query's window of articles with all three skips the millions with one).
    public func clausesNeeded(_ plan: MatchPlan) -> MatchQuery {
        guard wordsRule, heap.count >= window, let root = heap.first, keys[root].matched > 1 else { return .anyClause(plan) }
        let worst = keys[root]
        return worst.matched >= clauseCount ? .everyClause(plan) : .atLeast(plan, worst.matched)
    }

    /// Offers one article; `payload` is made only when it enters the window.
    public mutating func offer(_ key: Key, _ payload: () -> Payload) {
        rowsRead += 1
        guard window > 0 else { return }
        if heap.count < window {
            keys.append(key)
            payloads.append(payload())
            heap.append(keys.count - 1)
            siftUp(heap.count - 1)
        } else if let root = heap.first, FirstPhase.precedes(key, keys[root], wordsRule: wordsRule) {
            keys[root] = key
            payloads[root] = payload()
            siftDown(0)
        }
    }

    public mutating func noteBlockRead() { blocksRead += 1 }

    /// The window, best first.
    public func result() -> [(key: Key, payload: Payload)] {
        heap.sorted { FirstPhase.precedes(keys[$0], keys[$1], wordsRule: wordsRule) }.map { (keys[$0], payloads[$0]) }
    }

    /// The key of an article from its clauses' hits in the head and the body.
    public static func key(article: Int64, head: UnsafeBufferPointer<Int32>, body: UnsafeBufferPointer<Int32>, length: Int,
                           idf: [Double], averageLength: Double, parameters: RankingParameters) -> Key {
        var matched = 0
        for c in 0..<min(head.count, body.count) where head[c] + body[c] > 0 { matched += 1 }
        return Key(matched: matched, score: ArticleScore.bm25(head: head, body: body, length: length, idf: idf,
                                                             averageLength: averageLength, parameters: parameters),
                   article: article)
    }

    // The heap keeps its worst article at the root (Lucene's `PriorityQueue`).
    private func worse(_ i: Int, _ j: Int) -> Bool { FirstPhase.precedes(keys[heap[j]], keys[heap[i]], wordsRule: wordsRule) }

    private mutating func siftUp(_ index: Int) {
        var child = index
        while child > 0 {
            let parent = (child - 1) / 2
            guard worse(child, parent) else { return }
            heap.swapAt(parent, child)
            child = parent
        }
    }

    private mutating func siftDown(_ index: Int) {
        var parent = index
        while true {
            var worst = parent
            let left = 2 * parent + 1, right = left + 1
            if left < heap.count && worse(left, worst) { worst = left }
            if right < heap.count && worse(right, worst) { worst = right }
            guard worst != parent else { return }
            heap.swapAt(parent, worst)
            parent = worst
        }
    }
}
