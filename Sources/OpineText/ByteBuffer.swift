/// A growable byte buffer over manually managed memory, for the analyzer's hot loop (an
/// `Array` paid a uniqueness check and a capacity check on every appended byte).
///
/// Non-copyable: one owner, which frees the memory when it ends (`deinit`), so the bytes can
/// never be freed under a live copy. Reads are checked against the bytes written.
struct ByteBuffer: ~Copyable {
    private(set) var base: UnsafeMutablePointer<UInt8>
    var count = 0
    private(set) var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

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
    subscript(_ i: Int) -> UInt8 {
        precondition(i >= 0 && i < count, "ByteBuffer read out of bounds")
        return base[i]
    }

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
