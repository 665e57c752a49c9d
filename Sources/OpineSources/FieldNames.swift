import Foundation
import OpineText

/// Which column of a dataset holds which field: found by the usual names, or named by the user
/// (`opine index --fields title=headline,text=body`).
public struct FieldNames: Sendable, Equatable {
    public enum Field: String, CaseIterable, Sendable {
        case title, authors, date, text, description, url, outlet, id
    }

    /// The usual column names of each field, in order of preference (lowercase).
    public static let usual: [Field: [String]] = [
        .title: ["title", "headline", "name"],
        .authors: ["author", "authors", "byline", "published_by", "writer", "creator"],
        .date: ["date", "published", "published_date", "publish_date", "pubdate", "published_at", "datepublished"],
        .text: ["text", "body", "content", "article", "articlebody", "full_text"],
        .description: ["description", "summary", "dek", "standfirst", "abstract"],
        .url: ["url", "link", "href"],
        .outlet: ["source", "outlet", "publisher", "site", "publication"],
        .id: ["id", "article_id", "guid", "uid"],
    ]

    /// Columns named by the user, by field.
    public var overrides: [Field: String] = [:]

    public init(overrides: [Field: String] = [:]) { self.overrides = overrides }

    /// `title=headline,text=body` → overrides; nil with the reason when a part is not `field=column`.
    public static func parse(_ spec: String) -> Result<FieldNames, SourceFailure> {
        var out = FieldNames()
        for part in spec.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, let field = Field(rawValue: pair[0].lowercased()), !pair[1].isEmpty else {
                let names = Field.allCases.map(\.rawValue).joined(separator: ", ")
                return .failure(SourceFailure("--fields wants field=column pairs with fields among \(names), not '\(part)'"))
            }
            out.overrides[field] = pair[1]
        }
        return .success(out)
    }

    /// For each field, the index of its column in `header` (case-insensitive), if any.
    public func columns(in header: [String]) -> [Field: Int] {
        let lower = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var out: [Field: Int] = [:]
        for field in Field.allCases {
            let names = overrides[field].map { [$0.lowercased()] } ?? FieldNames.usual[field] ?? []
            if let i = names.lazy.compactMap({ lower.firstIndex(of: $0) }).first { out[field] = i }
        }
        return out
    }
}
