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
    /// What Opine reads from a file, without indexing it (`opine parse`): each article, in
    /// order (one for a page or a text, one per record of a dataset export, its path
    /// `file#identity`), handed to `each` as it is read; returns the reader's warnings (a
    /// record's with its line). Throws when the format is not one Opine reads or the file fails.
    public static func parse(file path: String, formats: ArticleFormats = .standard,
                             _ each: (ArticleDetail) -> Void) throws -> [String] {
        guard let reader = formats.reader(for: path) else {
            throw EngineError.unreadableFile(path: path, detail: "not a format Opine reads (\(formats.extensions.joined(separator: ", ")))")
        }
        let input: SourceInput = reader.holds == .records ? .file(path) : .bytes([UInt8](try EngineError.contents(of: path)), path: path)
        var problems: [String] = []
        var found = 0
        let warnings: [SourceWarning]
        do {
            warnings = try reader.read(input, settings: DatasetSettings()) { record in
                if let failure = record.failure { problems.append("line \(record.line): \(failure)") }
                guard let article = record.article else { return }
                found += 1
                let shown = record.identity.isEmpty ? path : path + "#" + record.identity
                each(ArticleDetail(article, path: shown, encoding: record.encoding))
            }
        } catch let failure as SourceFailure {
            throw EngineError.unreadableFile(path: path, detail: failure.message)
        }
        guard found > 0 else { throw EngineError.unreadableFile(path: path, detail: "no article found") }
        return problems + warnings.map(\.description)
    }
}
