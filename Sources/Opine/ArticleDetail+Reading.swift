import Foundation
import OpineRender
import OpineSources
import OpineText

extension ArticleDetail {
    /// The fields of `article` as read from a file (not indexed: id 0).
    init(_ article: Article, path: String, encoding: String) {
        func joined(_ kind: PassageKind) -> String {
            article.passages.filter { $0.kind == kind }.map(\.text).joined(separator: "\n\n")
        }
        self.init(
            summary: ArticleSummary(id: 0, path: path, title: article.title, authors: article.authors, date: article.date,
                                    outlet: article.outlet, url: article.url.isEmpty ? nil : article.url),
            standfirst: joined(.standfirst), caption: joined(.caption),
            body: article.passages.filter { $0.kind == .body }.map(\.text), bio: joined(.bio), encoding: encoding,
            passages: article.passages.enumerated().map {
                PassageView(ordinal: $0.offset, kind: $0.element.kind, text: $0.element.text, range: $0.element.range)
            })
    }

    /// One JSON object (`opine show --json`, `opine parse --json`), the path as shown.
    public func json(path: String) -> String {
        var o = JSONObject()
        summary.addFields(to: &o, path: path)
        o.add("standfirst", standfirst)
        o.add("caption", caption)
        o.add("body", strings: body)
        o.add("bio", bio)
        o.add("encoding", encoding)
        let list = passages.map { p -> String in
            var po = JSONObject()
            po.add("kind", p.kind.description)
            po.add("text", p.text)
            po.add("range", raw: JSONObject.range(p.range))
            return po.text
        }
        o.add("passages", raw: "[" + list.joined(separator: ",") + "]")
        return o.text
    }
}

extension Engine {
    /// What Opine reads from a file, without indexing it (`opine parse`): its article, with
    /// the reader's warnings. Throws when the format is not one Opine reads or the file fails.
    public static func parse(file path: String, formats: ArticleFormats = .standard) throws -> (ArticleDetail, [String]) {
        guard let reader = formats.reader(for: path) else {
            throw EngineError.unreadableFile(path: path, detail: "not a format Opine reads (\(formats.extensions.joined(separator: ", ")))")
        }
        let data = try EngineError.contents(of: path)
        let document: SourceDocument
        do {
            document = try reader.read([UInt8](data), path: path)
        } catch let failure as SourceFailure {
            throw EngineError.unreadableFile(path: path, detail: failure.message)
        }
        guard let article = document.articles.first else {
            throw EngineError.unreadableFile(path: path, detail: "no article found")
        }
        return (ArticleDetail(article, path: path, encoding: document.encoding), document.warnings)
    }
}
