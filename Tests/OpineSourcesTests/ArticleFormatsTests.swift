import OpineSources
import OpineText
import Testing

@Suite struct ArticleFormatsTests {
    @Test(arguments: [
        ("op-ed.txt", true), ("NOTES.MD", true), ("a.markdown", true), ("page.html", true), ("PAGE.HTM", true),
        ("p.xhtml", true), ("p.html.gz", true), ("report.pdf", false), ("txt", false), ("archive.txt.bak", false),
        ("notes.txt.gz", false),
    ])
    func standardFormatsTakeTextMarkdownAndPages(name: String, accepted: Bool) {
        #expect(ArticleFormats.standard.accepts(name) == accepted)
        #expect(Array(name.utf8).withUnsafeBytes { ArticleFormats.standard.endings.matches($0) } == accepted, "the walk's byte form agrees")
    }

    @Test func plainTextReaderKeepsExactBytesAndSaysWhatItDecoded() throws {
        let bytes: [UInt8] = Array("The title\n\nBy Ann Author\n\nA caf".utf8) + [0xE9] + Array(" paragraph.\n".utf8)
        let document = try PlainTextReader().read(bytes, path: "/x/the-title.txt")
        #expect(document.encoding == "windows-1252")
        #expect(document.warnings == ["not valid UTF-8, read as windows-1252"])
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
        #expect(throws: SourceFailure.self) { try PlainTextReader().read([0x41, 0x00, 0x42], path: "b.txt") }
    }
}
