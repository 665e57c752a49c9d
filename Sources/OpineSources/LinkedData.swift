import Foundation
import OpineText

/// The article object of a page's JSON-LD (`<script type="application/ld+json">`): the first
/// object whose `@type` is an article type, found in arrays and `@graph`s.
struct LinkedData {
    let object: [String: Any]

    func string(_ key: String) -> String? {
        if let s = object[key] as? String { return s }
        if let list = object[key] as? [Any], let s = list.first as? String { return s }
        return nil
    }

    /// `author` as a string, an object with `name`, or an array of either.
    var authors: [String]? {
        let value = object["author"] ?? object["creator"]
        let items: [Any] = (value as? [Any]) ?? (value.map { [$0] } ?? [])
        let names = items.compactMap { item -> String? in
            if let s = item as? String { return s }
            return (item as? [String: Any])?["name"] as? String
        }.flatMap { ArticleParser.authors(fromByline: $0) }
        return names.isEmpty ? nil : names
    }

    var publisherName: String? {
        if let p = object["publisher"] as? [String: Any] { return p["name"] as? String }
        return object["publisher"] as? String
    }

    /// The page's article object, if it declares one.
    init?(_ tree: DOMTree) {
        for i in tree.elements("script") where tree.nodes[i].attribute("type")?.lowercased().contains("ld+json") == true {
            let text = tree.nodes[i].children.map { tree.nodes[$0].text }.joined()
            guard let json = try? JSONSerialization.jsonObject(with: Data(text.utf8)),
                let found = LinkedData.article(in: json)
            else { continue }
            object = found
            return
        }
        return nil
    }

    /// Depth-first through arrays and `@graph`, with a stack.
    static func article(in json: Any) -> [String: Any]? {
        var stack: [Any] = [json]
        while let item = stack.popLast() {
            if let list = item as? [Any] {
                stack.append(contentsOf: list.reversed())
            } else if let object = item as? [String: Any] {
                if isArticle(object["@type"]) { return object }
                if let graph = object["@graph"] { stack.append(graph) }
                if let main = object["mainEntity"] { stack.append(main) }
            }
        }
        return nil
    }

    static func isArticle(_ type: Any?) -> Bool {
        let types = (type as? [Any])?.compactMap { $0 as? String } ?? [(type as? String) ?? ""]
        return types.contains { PageMetadata.articleTypes.contains($0.lowercased()) }
    }
}
