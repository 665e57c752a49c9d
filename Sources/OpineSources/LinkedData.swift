import Foundation
import OpineText

/// The article object of a page's JSON-LD (`<script type="application/ld+json">`): the first
/// object whose `@type` is an article type, found in arrays and `@graph`s; with every object of
/// the page's JSON-LD that has an `@id`, so that references (`"author": {"@id": "#ann"}`) are
/// followed.
struct LinkedData {
    let object: [String: Any]
    /// The page's JSON-LD objects by `@id`.
    let identified: [String: [String: Any]]

    /// A string field (the first of a list), HTML entities decoded (`Arnault&#8217;s`).
    func string(_ key: String) -> String? {
        if let s = object[key] as? String { return HTMLEntities.decoded(s) }
        if let list = object[key] as? [Any], let s = list.first as? String { return HTMLEntities.decoded(s) }
        return nil
    }

    /// Every name `author` (or `creator`) gives: a string, a `Person` or `Organization` with
    /// `name` (or `givenName` and `familyName`), an `@id` reference to one, or a list of them.
    /// Unchecked: ``Byline`` decides which are names.
    var authorCandidates: [String] {
        let value = object["author"] ?? object["creator"]
        let items: [Any] = (value as? [Any]) ?? (value.map { [$0] } ?? [])
        return items.compactMap { item -> String? in
            if let s = item as? String { return HTMLEntities.decoded(s) }
            guard var person = item as? [String: Any] else { return nil }
            if person["name"] == nil, let id = person["@id"] as? String, let target = identified[id] { person = target }
            if let name = person["name"] as? String { return HTMLEntities.decoded(name) }
            if let list = person["name"] as? [Any], let name = list.first as? String { return HTMLEntities.decoded(name) }
            let parts = [person["givenName"], person["familyName"]].compactMap { $0 as? String }
            return parts.isEmpty ? nil : HTMLEntities.decoded(parts.joined(separator: " "))
        }
    }

    var publisherName: String? {
        var publisher = object["publisher"]
        if let list = publisher as? [Any] { publisher = list.first }
        if let p = publisher as? [String: Any] {
            if let name = p["name"] as? String { return HTMLEntities.decoded(name) }
            if let id = p["@id"] as? String, let name = identified[id]?["name"] as? String { return HTMLEntities.decoded(name) }
            return nil
        }
        return (publisher as? String).map(HTMLEntities.decoded)
    }

    /// The page's article object, if it declares one.
    init?(_ tree: DOMTree) {
        var found: [String: Any]?
        var identified: [String: [String: Any]] = [:]
        for i in tree.elements("script") where tree.nodes[i].attribute("type")?.lowercased().contains("ld+json") == true {
            let text = tree.nodes[i].children.map { tree.nodes[$0].text }.joined()
            guard let json = try? JSONSerialization.jsonObject(with: Data(text.utf8)) else { continue }
            let objects = LinkedData.objects(in: json)
            for o in objects {
                if let id = o["@id"] as? String, identified[id] == nil { identified[id] = o }
            }
            if found == nil { found = objects.first { LinkedData.isArticle($0["@type"]) } }
        }
        guard let found else { return nil }
        object = found
        self.identified = identified
    }

    /// Every object of a JSON-LD value, depth-first through arrays, `mainEntity` and `@graph`,
    /// with a stack.
    static func objects(in json: Any) -> [[String: Any]] {
        var out: [[String: Any]] = []
        var stack: [Any] = [json]
        while let item = stack.popLast() {
            if let list = item as? [Any] {
                stack.append(contentsOf: list.reversed())
            } else if let object = item as? [String: Any] {
                out.append(object)
                if let graph = object["@graph"] { stack.append(graph) }
                if let main = object["mainEntity"] { stack.append(main) }
            }
        }
        return out
    }

    static func isArticle(_ type: Any?) -> Bool {
        let types = (type as? [Any])?.compactMap { $0 as? String } ?? [(type as? String) ?? ""]
        return types.contains { PageMetadata.articleTypes.contains($0.lowercased()) }
    }
}
