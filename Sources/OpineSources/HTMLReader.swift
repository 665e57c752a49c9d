import Foundation
import OpineText

/// Web pages saved from a browser (`.html`, `.htm`, `.xhtml`, and the same gzipped): libxml2's
/// HTML parser in the page's declared charset (else UTF-8, else Windows-1252), the article
/// found by ``ArticleExtractor`` (or the page's JSON-LD `articleBody` when that is far longer),
/// its fields by ``PageMetadata``; a page whose kept article is much shorter than its
/// paragraphs is said so (``ArticleCompleteness``).
///
/// A passage's text is the block's text (markup removed, entities decoded); its range is the
/// span of page lines it came from, so it points into the (decompressed) page.
public struct HTMLReader: ArticleReader {
    public let extensions = [".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", ".xhtml.gz"]
    public let holds = FileContent.oneArticle
    /// Pages are read whole; a larger one (even once decompressed) is skipped.
    public static let maximumPageBytes = 64 << 20
    /// A page's date after this one is not its publication date (a countdown, an event, a
    /// wrong clock): a day after the reader's today, so that a page of any time zone's today passes.
    public let latestDate: ArticleDate?

    /// A reader refusing dates after `latestDate`; by default a day after the system clock's
    /// today, read here (the edge: pure code below is given the bound).
    public init(latestDate: ArticleDate? = HTMLReader.tomorrow()) {
        self.latestDate = latestDate
    }

    /// Tomorrow's date in UTC by the system clock.
    public static func tomorrow(now: Date = Date()) -> ArticleDate? {
        PageMetadata.epochDate(Int(now.timeIntervalSince1970) + 86_400)
    }

    public func read(_ input: SourceInput, settings: DatasetSettings, _ body: (SourceRecord) throws -> Void) throws -> [SourceWarning] {
        let page = try HTMLReader.pageBytes(try input.contents())
        let (article, encoding, warnings) = try HTMLReader.article(page: page, path: input.path, latestDate: latestDate)
        try body(SourceRecord(article: article, encoding: encoding))
        return warnings
    }

    /// The article of a page's (decompressed) bytes, how they were decoded, and what to say:
    /// for every format that holds a saved page. `saved`: what a format knows of the page
    /// beside its bytes (an `.mhtml`'s address and charset).
    static func article(page: [UInt8], path: String, saved: SavedPage = SavedPage(),
                        latestDate: ArticleDate?) throws -> (Article, String, [SourceWarning]) {
        if page.allSatisfy({ $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }) {
            var builder = ArticleBuilder()
            builder.article.title = ArticleParser.titleFromFileName(path)
            builder.article.url = saved.location
            builder.addTitle()
            return (builder.build(), "utf-8", [.emptyFile])
        }
        var warnings: [SourceWarning] = []
        let encoding = HTMLReader.encoding(of: page, transport: saved.charset, warnings: &warnings)
        let tree = try DOMTree.parse(page, encoding: encoding)
        let metadata = saved.fill(PageMetadata(tree, latestDate: latestDate))
        let extraction = ArticleExtractor(tree).extract()
        var article = PageArticle(metadata: metadata, blocks: extraction.blocks, page: page, path: path).article
        var completeness = ArticleCompleteness(kept: HTMLReader.bodyCharacters(article), stated: metadata.statedBody.count,
                                               paragraphs: extraction.paragraphCharacters)
        if completeness.prefersStated {
            let blocks = ArticleExtractor.blocks(ofText: metadata.statedBody)
            article = PageArticle(metadata: metadata, blocks: blocks, page: page, path: path).article
            completeness.kept = HTMLReader.bodyCharacters(article)
        }
        if !article.passages.contains(where: { $0.kind == .body }) {
            warnings.append(.noArticleText)
        } else if let short = completeness.shortfall {
            warnings.append(short)
        }
        return (article, encoding.lowercased(), warnings)
    }

    static func bodyCharacters(_ article: Article) -> Int { article.body.reduce(0) { $0 + $1.unicodeScalars.count } }

    /// What a saved page's container says about it: the address it was saved from and the
    /// charset its part declares.
    struct SavedPage {
        var location = ""
        var charset: String?

        /// The page's fields with the saved address where the page names none: its URL, and the
        /// outlet and date that address gives, as a page's own address would.
        func fill(_ metadata: PageMetadata) -> PageMetadata {
            guard metadata.url.isEmpty, !location.isEmpty else { return metadata }
            var m = metadata
            m.url = location
            if m.outlet.isEmpty { m.outlet = PageMetadata.host(location) }
            if m.date == nil { m.date = PageMetadata.dateInPath(location) }
            return m
        }
    }

    /// libxml2's parse of `page` alone (tree built and freed), the reference the extraction
    /// benchmark prints beside Opine's figures.
    public static func bareParse(_ page: [UInt8]) -> Bool { DOMTree.bareParse(page, encoding: "UTF-8") }

    /// The page's bytes: decompressed when gzipped; a binary file is refused.
    public static func pageBytes(_ bytes: [UInt8]) throws -> [UInt8] {
        let page = Gzip.isCompressed(bytes) ? try Gzip.decompress(bytes, limit: maximumPageBytes) : bytes
        if page.prefix(8192).contains(0) && !page.starts(with: [0xFF, 0xFE]) && !page.starts(with: [0xFE, 0xFF]) {
            throw SourceFailure("binary file (NUL bytes), skipped")
        }
        return page
    }

    /// The declared charset when libxml2 knows it (a byte-order mark, else the `transport`'s,
    /// as a browser puts an HTTP header's before the page's own, else the page's); else UTF-8
    /// when the bytes are, else Windows-1252 (what browsers assume for Western pages).
    static func encoding(of page: [UInt8], transport: String? = nil, warnings: inout [SourceWarning]) -> String {
        let fallback = HTMLCharset.isUTF8(page) ? "UTF-8" : "windows-1252"
        let marked = SourceText.byteOrderMark(page.prefix(3)).0 != nil
        guard let declared = (marked ? nil : transport?.lowercased()) ?? HTMLCharset.declared(in: page) else {
            if fallback != "UTF-8" { warnings.append(.noCharsetDeclared(readAs: fallback)) }
            return fallback
        }
        // Latin-1 and ASCII declarations are read as browsers read them.
        if ["iso-8859-1", "latin1", "us-ascii", "ascii"].contains(declared) { return fallback == "UTF-8" ? "UTF-8" : "windows-1252" }
        guard DOMTree.knowsEncoding(declared) else {
            warnings.append(.unknownCharset(declared, readAs: fallback.lowercased()))
            return fallback
        }
        return declared
    }
}
