/// ``ArticleFormats/accepts(_:)`` on a name's bytes: the formats' endings as lowercase ASCII,
/// matched with ASCII case ignored (every ending is ASCII). Built once per walk, asked of every
/// directory entry without making a String of its name.
public struct FileEndings: Sendable {
    let endings: [[UInt8]]

    public init(_ extensions: [String]) {
        endings = extensions.map { Array($0.lowercased().utf8) }
    }

    /// True when `name` (UTF-8, without its NUL) ends with one of the endings.
    public func matches(_ name: UnsafeRawBufferPointer) -> Bool {
        let n = name.count
        return endings.contains { ending in
            guard ending.count <= n else { return false }
            for (k, e) in ending.enumerated() where name[n - ending.count + k] | (e >= 0x61 && e <= 0x7A ? 0x20 : 0) != e {
                return false
            }
            return true
        }
    }
}

extension ArticleFormats {
    /// Every format's ending, for matching names as bytes.
    public var endings: FileEndings { FileEndings(extensions) }
}
