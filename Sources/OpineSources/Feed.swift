import Foundation

/// An RSS 2.0 or Atom feed's items: the pages it links to.
public struct Feed: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        /// The item's page.
        public var link: String
        public var title: String
    }

    public var title: String
    public var items: [Item]

    /// Reads a feed; throws a ``SourceFailure`` when the bytes are not RSS or Atom.
    public static func parse(_ bytes: [UInt8], base: String) throws -> Feed {
        let tree: DOMTree
        do {
            tree = try DOMTree.parseXML(bytes)
        } catch {
            throw SourceFailure("not a feed (not XML)")
        }
        guard let root = tree.root else { throw SourceFailure("not a feed (empty)") }
        switch tree.nodes[root].name {
        case "rss", "rdf": return rss(tree, base: base)
        case "feed": return atom(tree, base: base)
        default: throw SourceFailure("not a feed (an RSS or Atom document was expected, found <\(tree.nodes[root].name)>)")
        }
    }

    static func child(_ tree: DOMTree, _ node: Int, _ name: String) -> Int? {
        tree.nodes[node].children.first { tree.nodes[$0].name == name }
    }

    static func rss(_ tree: DOMTree, base: String) -> Feed {
        let channel = tree.elements("channel").first
        let title = channel.flatMap { child(tree, $0, "title") }.map { tree.text(of: $0) } ?? ""
        let items = tree.elements("item").compactMap { i -> Item? in
            let link = child(tree, i, "link").map { tree.text(of: $0) }
                ?? child(tree, i, "guid").map { tree.text(of: $0) } ?? ""
            guard let resolved = resolve(link, base: base) else { return nil }
            return Item(link: resolved, title: child(tree, i, "title").map { tree.text(of: $0) } ?? "")
        }
        return Feed(title: title, items: items)
    }

    static func atom(_ tree: DOMTree, base: String) -> Feed {
        guard let root = tree.root else { return Feed(title: "", items: []) }
        let title = child(tree, root, "title").map { tree.text(of: $0) } ?? ""
        let items = tree.elements("entry").compactMap { e -> Item? in
            let links = tree.nodes[e].children.filter { tree.nodes[$0].name == "link" }
            let alternate = links.first { ["alternate", nil].contains(tree.nodes[$0].attribute("rel")) }
            guard let href = alternate.flatMap({ tree.nodes[$0].attribute("href") }), let resolved = resolve(href, base: base)
            else { return nil }
            return Item(link: resolved, title: child(tree, e, "title").map { tree.text(of: $0) } ?? "")
        }
        return Feed(title: title, items: items)
    }

    /// An absolute http(s) address for `link` (relative links resolved against the feed's URL).
    static func resolve(_ link: String, base: String) -> String? {
        let trimmed = link.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, let url = URL(string: trimmed, relativeTo: URL(string: base))?.absoluteURL,
            ["http", "https"].contains(url.scheme?.lowercased() ?? "") else { return nil }
        return url.absoluteString
    }
}
