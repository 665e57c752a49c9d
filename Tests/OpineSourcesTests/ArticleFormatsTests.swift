import OpineSources
import OpineText
import Testing

@Suite struct ArticleFormatsTests {
    @Test(arguments: [
        ("op-ed.txt", true), ("NOTES.MD", true), ("a.markdown", true), ("page.html", true), ("PAGE.HTM", true),
        ("p.xhtml", true), ("p.html.gz", true), ("report.pdf", false), ("txt", false), ("archive.txt.bak", false),
        ("notes.txt.gz", false), ("Saved Page.mhtml", true), ("old.MHT", true), ("export.csv", true), ("export.TSV", true),
        ("rows.jsonl", true), ("page.mhtml.bak", false),
    ])
    func standardFormatsTakeTextMarkdownAndPages(name: String, accepted: Bool) {
        #expect(ArticleFormats.standard.accepts(name) == accepted)
        #expect(Array(name.utf8).withUnsafeBytes { ArticleFormats.standard.endings.matches($0) } == accepted, "the walk's byte form agrees")
    }

    @Test func plainTextReaderKeepsExactBytesAndSaysWhatItDecoded() throws {
        let bytes: [UInt8] = Array("The title\n\nBy Ann Author\n\nA caf".utf8) + [0xE9] + Array(" paragraph.\n".utf8)
        let document = try PlainTextReader().document(bytes, path: "/x/the-title.txt")
        #expect(document.encoding == "windows-1252")
        #expect(document.warnings.map(\.description) == ["not valid UTF-8, read as windows-1252"])
        let article = try #require(document.articles.first)
        #expect(article.title == "The title")
        // For plain text a passage's range holds exactly its text (of the decoded source).
        let decoded = Array("The title\n\nBy Ann Author\n\nA café paragraph.\n".utf8)
        for p in article.passages {
            #expect(Array(decoded[p.range]) == Array(p.text.utf8))
        }
    }

    @Test func eachNameHasItsReader() {
        #expect(ArticleFormats.standard.reader(for: "a.html.gz") is HTMLReader)
        #expect(ArticleFormats.standard.reader(for: "a.md") is PlainTextReader)
    }

    @Test func binaryFileIsASourceFailure() {
        #expect(throws: SourceFailure.self) { try PlainTextReader().document([0x41, 0x00, 0x42], path: "b.txt") }
    }
}

/// One cap on passages, one behaviour, whatever the format: a page or a record of more
/// paragraphs than an article holds keeps its last words in a merged last passage (pages and
/// records had dropped them).
struct PassageCapTests {
    static let count = ArticleBuilder.maximumPassages + 10

    func lastPassage(_ reader: any ArticleReader, _ text: String, path: String) throws -> Passage? {
        try reader.document(Array(text.utf8), path: path).articles.first?.passages.last
    }

    @Test func aLongPageKeepsItsLastParagraph() throws {
        let paragraphs = (0..<Self.count).map { "<p>Paragraph \($0) of a very long essay, with words enough to be a paragraph.</p>" }
        let page = "<html><head><title>Long</title></head><body><article>" + paragraphs.joined(separator: "\n") + "</article></body></html>"
        let last = try #require(try lastPassage(HTMLReader(), page, path: "/p/long.html"))
        #expect(last.text.hasSuffix("Paragraph \(Self.count - 1) of a very long essay, with words enough to be a paragraph."))
        #expect(try HTMLReader().document(Array(page.utf8), path: "/p/long.html").articles[0].passages.count == ArticleBuilder.maximumPassages)
    }

    @Test func aLongRecordKeepsItsLastParagraph() throws {
        let text = (0..<Self.count).map { "Paragraph \($0)." }.joined(separator: "\n")
        let last = try #require(try lastPassage(CSVRecordReader(), "title,text\nLong,\"\(text)\"\n", path: "/d/long.csv"))
        #expect(last.text.hasSuffix("Paragraph \(Self.count - 1)."))
    }

    @Test func aLongTextKeepsItsLastParagraph() throws {
        let text = "Long\n\n" + (0..<Self.count).map { "Paragraph \($0)." }.joined(separator: "\n\n")
        let last = try #require(try lastPassage(PlainTextReader(), text, path: "/t/long.txt"))
        #expect(last.text.hasSuffix("Paragraph \(Self.count - 1)."))
    }
}
