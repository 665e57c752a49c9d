/// Substring tests on UTF-8 bytes: class names are matched against word lists on every
/// element, where `String.contains` went through Foundation (a third of the extraction's time).
enum ByteSearch {
    /// Naive search: the haystacks are class names, tens of bytes.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard haystack.count >= needle.count else { return false }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }

    static func containsAny(_ haystack: [UInt8], _ needles: [[UInt8]]) -> Bool {
        needles.contains { contains(haystack, $0) }
    }

    /// ASCII letters lowercased; other bytes as they are.
    static func lowercased(_ s: String) -> [UInt8] {
        s.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    }

    static func words(_ list: [String]) -> [[UInt8]] { list.map { Array($0.utf8) } }
}
