import Testing
@testable import OpineText

struct ArticleBuilderTests {
    @Test func fieldsFollowTheirPassages() {
        var b = ArticleBuilder()
        b.article.title = "T"
        b.article.authors = ["Ann Lee", "Bo Chan"]
        b.addTitle()
        b.addByline()
        b.add(.standfirst, "Dek.")
        b.add(.caption, "C1")
        b.add(.caption, "C2")
        b.add(.body, "P1")
        b.add(.body, "P2")
        b.add(.bio, "The writer is.")
        let a = b.build()
        #expect(a.passages.map(\.kind) == [.title, .byline, .standfirst, .caption, .caption, .body, .body, .bio])
        #expect(a.passages[1].text == "By Ann Lee, Bo Chan")
        #expect(a.standfirst == "Dek.")
        #expect(a.caption == "C1\n\nC2")
        #expect(a.body == ["P1", "P2"])
        #expect(a.bio == "The writer is.")
    }

    @Test func noAuthorsNoByline() {
        var b = ArticleBuilder()
        b.addByline()
        #expect(b.build().passages.isEmpty)
    }

    /// The overflow past the cap is one last body passage: of the source's bytes when the
    /// passages are byte ranges of it, else the passages' texts joined.
    @Test func theCapMergesTheOverflow() {
        let count = ArticleBuilder.maximumPassages + 3
        var plain = ArticleBuilder()
        for i in 0..<count { plain.add(.body, "p\(i)") }
        let a = plain.build()
        #expect(a.passages.count == ArticleBuilder.maximumPassages)
        #expect(a.passages.last?.text == (ArticleBuilder.maximumPassages - 1..<count).map { "p\($0)" }.joined(separator: "\n\n"))
        #expect(a.body.count == count, "the body field keeps every paragraph")

        let text = (0..<count).map { "p\($0)" }.joined(separator: "\n\n")
        let bytes = Array(text.utf8)
        var ranged = ArticleBuilder(source: bytes)
        var start = 0
        for i in 0..<count {
            let length = "p\(i)".utf8.count
            ranged.add(.body, "p\(i)", range: start..<start + length)
            start += length + 2
        }
        let last = ranged.build().passages.last
        #expect(last.map { String(decoding: bytes[$0.range], as: UTF8.self) } == last?.text)
        #expect(last?.text.hasSuffix("p\(count - 1)") == true)
    }
}
