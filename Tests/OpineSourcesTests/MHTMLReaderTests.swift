import Testing
@testable import OpineSources

struct MHTMLReaderTests {
    @Test(arguments: [
        ("a=3Db", "a=b"), ("caf=C3=A9", "café"), ("tram=\r\nways", "tramways"), ("tram=\nways", "tramways"),
        ("100% =\r\n", "100% "), ("x=ZZ", "x=ZZ"), ("ends=", "ends="), ("=3d", "="), ("", ""),
    ])
    func quotedPrintable(_ encoded: String, _ decoded: String) {
        #expect(String(decoding: MIMEArchive.quotedPrintable(Array(encoded.utf8)[...]), as: UTF8.self) == decoded)
    }

    @Test func headerValuesAndParameters() {
        let v = MIMEArchive.value("Multipart/Related; type=\"text/html\"; boundary=\"----x;y----\"")
        #expect(v.type == "multipart/related")
        #expect(v.parameters == ["type": "text/html", "boundary": "----x;y----"])
        let message = Array("Content-Type: multipart/related;\r\n\tboundary=\"b\"\r\nX: 1\r\n\r\nbody".utf8)
        let (headers, start) = MIMEArchive.headers(message[...])
        #expect(headers["content-type"] == "multipart/related; boundary=\"b\"")
        #expect(headers["x"] == "1")
        #expect(Array(message[start...]) == Array("body".utf8))
    }

    @Test func partsBetweenDelimiterLines() throws {
        let text = "Content-Type: multipart/related; boundary=\"b\"\n\npreamble --b not a delimiter\n--b\nContent-Type: text/html\n\n<p>one</p>\n--b\nContent-Type: text/css\n\nx{}\n--b--\nepilogue\n"
        let archive = try MIMEArchive(Array(text.utf8))
        #expect(archive.parts.map(\.contentType) == ["text/html", "text/css"])
        #expect(archive.parts.map { String(decoding: $0.body, as: UTF8.self) } == ["<p>one</p>", "x{}"])
    }

    @Test func thePageAtTheSnapshotAddressIsTheArticle() throws {
        let text = "Snapshot-Content-Location: https://x.com/b\nContent-Type: multipart/related; boundary=q\n\n"
            + "--q\nContent-Type: text/html\nContent-Location: https://ads.com/frame\n\n<title>Frame</title>\n"
            + "--q\nContent-Type: text/html; charset=windows-1252\nContent-Location: https://x.com/b\n\n<title>Caf\u{E9}</title>\n--q--\n"
        let (page, saved) = try MHTMLReader.page(Array(text.utf8))
        #expect(String(decoding: page, as: UTF8.self).hasPrefix("<title>Caf"))
        #expect(saved.location == "https://x.com/b")
        #expect(saved.charset == "windows-1252")
    }

    @Test(arguments: [
        ("<html><p>not a message</p></html>", "no MIME headers"),
        ("Content-Type: multipart/related; boundary=q\n\n--q\nContent-Type: image/png\n\nxx\n--q--\n", "no HTML part"),
        ("Content-Type: multipart/related; boundary=q\n\n--q\nContent-Type: text/html\nContent-Transfer-Encoding: base64\n\n!!!!\n--q--\n", "not valid base64"),
    ])
    func notASavedPageIsOneFailure(_ text: String, _ reason: String) {
        #expect {
            _ = try MHTMLReader().document(Array(text.utf8), path: "/p/x.mhtml")
        } throws: { error in
            (error as? SourceFailure)?.message.contains(reason) == true
        }
    }

    @Test func theFormatsTableReadsIt() {
        #expect(ArticleFormats.standard.reader(for: "/p/Saved Page.MHTML") is MHTMLReader)
        #expect(ArticleFormats.standard.reader(for: "/p/old.mht") is MHTMLReader)
    }
}
