/// FNV-1a, 64 bits: identifies content for change and rename detection (not security).
///
/// The index stores these hashes (a file's, a dataset record's): a change to the function
/// re-reads every article. Fed a byte at a time, so a reader can hash what it parses as it goes.
public struct ContentHash: Sendable, Hashable {
    @usableFromInline static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    @usableFromInline static let prime: UInt64 = 0x0000_0100_0000_01B3

    @usableFromInline var state: UInt64

    /// The hash of the bytes added so far.
    @inlinable public var value: UInt64 { state }

    @inlinable public init() { state = ContentHash.offsetBasis }

    @inlinable public mutating func add(_ byte: UInt8) { state = (state ^ UInt64(byte)) &* ContentHash.prime }

    @inlinable public mutating func add(_ bytes: some Sequence<UInt8>) {
        for b in bytes { add(b) }
    }

    /// The hash as the index stores it (SQLite integers are signed).
    @inlinable public var stored: Int64 { Int64(bitPattern: value) }

    /// The hash of `bytes`.
    @inlinable public static func of(_ bytes: some Sequence<UInt8>) -> Int64 {
        var h = ContentHash()
        h.add(bytes)
        return h.stored
    }
}
