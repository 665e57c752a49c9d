/// A growable byte buffer over manually managed memory, for the analyzer's hot loop (an
/// `Array` paid a uniqueness check and a capacity check on every appended byte).
///
/// A value owns nothing by itself: ``Analyzer/analyze(_:mode:sink:)`` allocates it, uses it
/// for one call, and releases it with ``deallocate()`` before returning.
struct ByteBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    var count = 0
    private(set) var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    func deallocate() { base.deallocate() }

    @inline(__always)
    mutating func append(_ b: UInt8) {
        if count == capacity { grow() }
        base[count] = b
        count += 1
    }

    mutating func append<S: Sequence>(contentsOf bytes: S) where S.Element == UInt8 {
        for b in bytes { append(b) }
    }

    @inline(__always)
    subscript(_ i: Int) -> UInt8 { base[i] }

    /// Makes room for `needed` bytes in all.
    @inline(__always)
    mutating func ensureCapacity(_ needed: Int) {
        while capacity < needed { grow() }
    }

    private mutating func grow() {
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity *= 2
    }
}
