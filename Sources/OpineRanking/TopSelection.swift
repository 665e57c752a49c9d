/// The first `limit` of a collection's items in a given order, without sorting them all.
///
/// A bounded binary heap whose root is the worst item kept (Lucene's `PriorityQueue` in its
/// `TopScoreDocCollector`): an item that does not precede the root costs one comparison, one
/// that does replaces it and sinks. A results page (10) or a deep page (`--limit 10000`, a web
/// page at offset 10,000) over a million matches stays O(n log k).
public enum TopSelection {
    /// Indices `0..<count`, the first `min(limit, count)` of them in `precedes` order, best first.
    /// `precedes` must be a strict total order (ties broken, as by article id).
    ///
    /// - Complexity: O(n log k) comparisons for n items and a limit of k, and O(k) memory.
    public static func first(_ limit: Int, of count: Int, by precedes: (Int, Int) -> Bool) -> [Int] {
        let k = min(max(limit, 0), max(count, 0))
        guard k > 0 else { return [] }
        var heap: [Int] = []
        heap.reserveCapacity(k)
        for item in 0..<count {
            if heap.count < k {
                heap.append(item)
                siftUp(&heap, from: heap.count - 1, precedes)
            } else if precedes(item, heap[0]) {
                heap[0] = item
                siftDown(&heap, from: 0, precedes)
            }
        }
        return heap.sorted(by: precedes)
    }

    /// Restores "no child is worse than its parent" upwards from `index`.
    static func siftUp(_ heap: inout [Int], from index: Int, _ precedes: (Int, Int) -> Bool) {
        var child = index
        while child > 0 {
            let parent = (child - 1) / 2
            guard precedes(heap[parent], heap[child]) else { return }
            heap.swapAt(parent, child)
            child = parent
        }
    }

    /// Restores it downwards from `index`: the worse child rises while it is worse than its parent.
    static func siftDown(_ heap: inout [Int], from index: Int, _ precedes: (Int, Int) -> Bool) {
        var parent = index
        while true {
            var worst = parent
            let left = 2 * parent + 1, right = left + 1
            if left < heap.count && precedes(heap[worst], heap[left]) { worst = left }
            if right < heap.count && precedes(heap[worst], heap[right]) { worst = right }
            guard worst != parent else { return }
            heap.swapAt(parent, worst)
            parent = worst
        }
    }
}
