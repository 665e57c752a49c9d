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

    /// The root element (`html`), when the page had one.
    var root: Int? { nodes.isEmpty ? nil : 0 }

    @discardableResult
    mutating func append(_ node: Node) -> Int {
        nodes.append(node)
        let index = nodes.count - 1
        if node.parent >= 0 { nodes[node.parent].children.append(index) }
        return index
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

    /// Runs of white space as one space, none at the ends.
    static func collapsed(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var pendingSpace = false
        for c in s.unicodeScalars {
            if c.properties.isWhitespace || c == "\u{A0}" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.unicodeScalars.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(c)
            }
        }
        return out
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
