import Foundation
import Testing
@testable import Opine
import OpineText

/// Found by the hostile-data fuzzer: a NUL in an article's text. GRDB binds a String as a C
/// string, so the stored passage ended at the NUL while the full-text index had the rest (or
/// not): `opine check` failed ("full-text integrity"), and the words after the NUL were lost.
struct StoredTextTests {
    /// (A text file with a NUL is a binary file, refused with a warning, as before.)
    @Test func aNULInAPageOrARecordIsKeptAsASpaceAndTheIndexStaysWhole() throws {
        let fixture = try Fixture([
            "page.html": #"<html><head><title>A page</title><script type="application/ld+json">{"@type":"Article","author":"\u0000"}</script></head>"#
                + "<body><article><h1>A page</h1><p>The corridor and the tariffs were discussed at length in this page.</p></article></body></html>",
            "data.csv": "title,text\nA row,\"cells \u{0} then wombats\"\n",
            "lines.jsonl": #"{"title":"A line","text":"json \u0000 then platypus"}"# + "\n",
        ])
        let check = try fixture.engine.check()
        #expect(check.isHealthy, "\(check.problems)")
        for word in ["wombats", "platypus", "corridor"] {
            #expect(try fixture.engine.search(SearchRequest(query: word)).matchedArticles == 1, "\(word)")
        }
        // The author that was only a NUL is no author.
        let page = try #require(try fixture.engine.search(SearchRequest(query: "corridor")).results.first)
        #expect(page.article.authors.isEmpty)
    }

    @Test func safeKeepsEveryByteButNUL() {
        #expect(StoredText.safe("a\u{0}b\u{0}") == "a b ")
        #expect(StoredText.safe("Ångström 🙂") == "Ångström 🙂")
        #expect(StoredText.safe("a\u{0}b").utf8.count == 3)
    }
}
