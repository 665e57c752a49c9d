import OpineText

/// Plain text and Markdown op-eds: UTF-8 (else Windows-1252, or UTF-16 by its byte-order mark)
/// decoded by ``SourceText``, fields found by ``ArticleParser``. Each passage's text is
/// exactly the bytes of its range.
public struct PlainTextReader: ArticleReader {
    public let extensions = [".txt", ".md", ".markdown"]
    public let holds = FileContent.oneArticle

    public init() {}

    public func read(_ input: SourceInput, settings: DatasetSettings, _ body: (SourceRecord) throws -> Void) throws -> [SourceWarning] {
        let source: SourceText
        do {
            source = try SourceText.decode(try input.contents())
        } catch let failure as SourceText.Failure {
            throw SourceFailure(failure.description)
        }
        var warnings: [SourceWarning] = []
        if source.isBlank { warnings.append(.emptyFile) }
        if source.encoding == .windows1252 { warnings.append(.notUTF8(readAs: source.encoding)) }
        let article = ArticleParser().parse(source.text, fileName: input.path)
        if let refused = article.refusedDate { warnings.append(.refusedDate(refused)) }
        try body(SourceRecord(article: article, encoding: source.encoding.rawValue))
        return warnings
    }
}
