/// A parsed page as plain values: elements and text nodes in document order, each with its
/// parent and children. Built from libxml2's tree (``DOMTree/parse(_:encoding:)``), then read
/// by pure code (metadata, article extraction) that is tested without a parser.
///
/// Nothing here recurses: pages with 10,000 nested elements are walked with explicit stacks.
struct DOMTree: Sendable {
    struct Node: Sendable {
        /// Lowercase tag name; `#text` for text.
        var name: String
        var parent: Int
        var children: [Int] = []
        /// A text node's text (UTF-8, entities decoded).
        var text: String = ""
        /// An element's attributes, names lowercase.
        var attributes: [(name: String, value: String)] = []
        /// The line of the page it starts on (1-based; 0 when unknown).
        var line: Int = 0

        var isText: Bool { name == "#text" }

        func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
    }

    var nodes: [Node] = []
    /// Each element's class, id and role, ASCII-lowercased, as bytes (empty for text and for
    /// elements without them): what the extractor and the fields read of class names, made
    /// once per page (through Foundation, class tests were a third of the extraction's time).
    private(set) var hints: [[UInt8]] = []

    /// The root element (`html`), when the page had one.
    var root: Int? { nodes.isEmpty ? nil : 0 }

    @discardableResult
    mutating func append(_ node: Node) -> Int {
        nodes.append(node)
        hints.append(node.isText || node.attributes.isEmpty ? [] : DOMTree.hint(node))
        let index = nodes.count - 1
        if node.parent >= 0 { nodes[node.parent].children.append(index) }
        return index
    }

    static func hint(_ node: Node) -> [UInt8] {
        var out: [UInt8] = []
        for name in ["class", "id", "role"] {
            guard let value = node.attribute(name), !value.isEmpty else { continue }
            if !out.isEmpty { out.append(0x20) }
            for b in value.utf8 { out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b) }
        }
        return out
    }

    /// Every node below `index` (itself first), in document order.
    func descendants(of index: Int) -> [Int] {
        var out: [Int] = []
        var stack = [index]
        while let i = stack.popLast() {
            out.append(i)
            stack.append(contentsOf: nodes[i].children.reversed())
        }
        return out
    }

    /// The elements named `name` anywhere in the page.
    func elements(_ name: String) -> [Int] { nodes.indices.filter { nodes[$0].name == name } }

    /// The text below `index`, whitespace collapsed, a space between block elements.
    func text(of index: Int) -> String {
        var out = ""
        for i in descendants(of: index) {
            if nodes[i].isText {
                out += nodes[i].text
            } else if DOMTree.breaksText.contains(nodes[i].name) {
                out += " "
            }
        }
        return DOMTree.collapsed(out)
    }

    /// Elements whose start or end separates words.
    static let breaksText: Set<String> = [
        "br", "p", "div", "li", "td", "th", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
        "blockquote", "dd", "dt", "figcaption", "ul", "ol", "table", "header", "footer", "pre", "hr",
    ]

    /// Runs of white space (ASCII, no-break, and the Unicode spaces U+2000–U+200A, U+3000) as
    /// one space, none at the ends. On bytes: this runs over every text of the page.
    static func collapsed(_ s: String) -> String {
        var copy = s
        return copy.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            var i = 0
            while i < bytes.count {
                let width = spaceWidth(bytes, at: i)
                if width > 0 {
                    pendingSpace = !out.isEmpty
                    i += width
                    continue
                }
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(bytes[i])
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Bytes of the white space at `i` (0 when none).
    @inline(__always)
    static func spaceWidth(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let c = b[i]
        if c == 0x20 || (c >= 0x09 && c <= 0x0D) { return 1 }
        if c == 0xC2, i + 1 < b.count, b[i + 1] == 0xA0 { return 2 }
        guard (c == 0xE2 || c == 0xE3), i + 2 < b.count, b[i + 1] == 0x80 else { return 0 }
        if c == 0xE2 && b[i + 2] >= 0x80 && b[i + 2] <= 0x8A { return 3 }
        return c == 0xE3 && b[i + 2] == 0x80 ? 3 : 0
    }

    /// Characters (Unicode scalars) that are not ASCII white space, counted on bytes.
    static func visibleLength(_ s: String) -> Int {
        var n = 0
        for b in s.utf8 where !(b == 0x20 || (b >= 0x09 && b <= 0x0D)) && (b & 0xC0) != 0x80 { n += 1 }
        return n
    }

    /// The nearest ancestor of `index` (itself included) named one of `names`.
    func ancestor(of index: Int, named names: Set<String>) -> Int? {
        var i = index
        while i >= 0 {
            if names.contains(nodes[i].name) { return i }
            i = nodes[i].parent
        }
        return nil
    }
}
