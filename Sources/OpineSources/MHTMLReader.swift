import OpineText

/// Pages a browser saved as one file (`.mhtml`, `.mht`: Chrome's and Edge's "Webpage, Single
/// File"): the page's HTML part found among the MIME parts (``MIMEArchive``) and decoded, then
/// read as any saved page is (``HTMLReader``). The address it was saved from
/// (`Snapshot-Content-Location`, else the part's `Content-Location`) is the article's URL where
/// the page names none of its own (as `opine add` keeps a fetched page's canonical address).
public struct MHTMLReader: ArticleReader {
    public let extensions = [".mhtml", ".mht"]
    public let holds = FileContent.oneArticle

    public init() {}

    public func read(_ input: SourceInput, settings: DatasetSettings, _ body: (SourceRecord) throws -> Void) throws -> [SourceWarning] {
        let (page, saved) = try MHTMLReader.page(try input.contents())
        let (article, encoding, warnings) = try HTMLReader.article(page: try HTMLReader.pageBytes(page), path: input.path, saved: saved,
                                                                   latestDate: HTMLReader.tomorrow())
        try body(SourceRecord(article: article, encoding: encoding))
        return warnings
    }

    /// The HTML of the saved page and what the archive says of it. The page is the HTML part at
    /// the saved address, else the first HTML part (the others are frames).
    static func page(_ bytes: [UInt8]) throws -> ([UInt8], HTMLReader.SavedPage) {
        let archive: MIMEArchive
        do {
            archive = try MIMEArchive(bytes)
        } catch {
            throw SourceFailure(error.description)
        }
        let snapshot = archive.headers["snapshot-content-location"] ?? ""
        let html = archive.parts.filter { $0.contentType == "text/html" || $0.contentType == "application/xhtml+xml" }
        guard let part = html.first(where: { !snapshot.isEmpty && $0.headers["content-location"] == snapshot }) ?? html.first else {
            throw SourceFailure(MIMEArchive.Problem.noHTMLPart.description)
        }
        guard let decoded = part.decoded() else {
            throw SourceFailure(MIMEArchive.Problem.undecodable(part.headers["content-transfer-encoding"] ?? "").description)
        }
        let location = snapshot.isEmpty ? (part.headers["content-location"] ?? "") : snapshot
        let web = location.lowercased().hasPrefix("http://") || location.lowercased().hasPrefix("https://")
        return (decoded, HTMLReader.SavedPage(location: web ? location : "", charset: part.charset))
    }
}
