import OpineText

/// Plain text and Markdown op-eds: UTF-8 (else Windows-1252) decoded by ``SourceText``, fields
/// found by ``ArticleParser``. Each passage's text is exactly the bytes of its range.
public struct PlainTextReader: ArticleReader {
    public let extensions = [".txt", ".md", ".markdown"]

    public init() {}

    public func read(_ bytes: [UInt8], path: String) throws -> SourceDocument {
        let source: SourceText
        do {
            source = try SourceText.decode(bytes)
        } catch {
            throw SourceFailure(error.description)
        }
        var warnings: [String] = []
        if source.isBlank { warnings.append("empty file, indexed by its name only") }
        if source.encoding == .windows1252 { warnings.append("not valid UTF-8, read as \(source.encoding.rawValue)") }
        let article = ArticleParser().parse(source.text, fileName: path)
        return SourceDocument(articles: [article], encoding: source.encoding.rawValue, warnings: warnings)
    }
}
