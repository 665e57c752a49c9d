import Foundation
import Testing
@testable import Opine
import OpineText

/// Pages a browser saved as one file (`.mhtml`), written here as Chrome and an older Edge write
/// them, indexed and searched with their fields.
struct SavedPageTests {
    /// Chrome's "Webpage, Single File": quoted-printable, lines cut at 76 with soft line breaks
    /// (one inside "tramways", one inside the charset), `=3D` for every `=`, `=C3=A9` for é.
    static let chrome = [
        "From: <Saved by Blink>",
        "Snapshot-Content-Location: https://www.example-review.com/opinion/slower-cities",
        "Subject: The case for slower cities",
        "Date: Fri, 14 Mar 2025 09:12:44 -0000",
        "MIME-Version: 1.0",
        "Content-Type: multipart/related;",
        "\ttype=\"text/html\";",
        "\tboundary=\"----MultipartBoundary--Zx8w1fPqK2----\"",
        "",
        "",
        "------MultipartBoundary--Zx8w1fPqK2----",
        "Content-Type: text/html",
        "Content-ID: <frame-8F1C2A@mhtml.blink>",
        "Content-Transfer-Encoding: quoted-printable",
        "Content-Location: https://www.example-review.com/opinion/slower-cities",
        "",
        "<!DOCTYPE html><html><head><meta http-equiv=3D\"Content-Type\" content=3D\"tex=",
        "t/html; charset=3DUTF-8\"><title>The case for slower cities</title><meta pro=",
        "perty=3D\"og:site_name\" content=3D\"The Example Review\"><meta name=3D\"author=",
        "\" content=3D\"Maria Okafor\"><meta property=3D\"article:published_time\" conte=",
        "nt=3D\"2025-03-14T08:00:00Z\"></head><body><nav><a href=3D\"/\">Home</a></nav>=",
        "<article><h1>The case for slower cities</h1><p>Every city council that has w=",
        "idened a road has learned the same lesson: the traffic comes back, and the c=",
        "af=C3=A9 on the corner closes. Slower streets are not a nostalgia project; t=",
        "hey are the cheapest infrastructure a growing city can buy.</p><p>Consider t=",
        "he old tram=",
        "ways that once ran through the centre of almost every European town. They we=",
        "re torn up for buses in the nineteen-fifties and are being laid again, at gr=",
        "eat cost, because a street that moves people slowly moves more of them.</p><=",
        "p>The arithmetic is not difficult. A lane of cars carries perhaps two thousa=",
        "nd people an hour; a lane given to trams, bicycles and pedestrians carries s=",
        "everal times that, and the shops along it sell more to the people who pass.<=",
        "/p><p>None of this requires a grand plan. It requires councils willing to tr=",
        "y a street for a summer and count what happens, and voters patient enough to=",
        " let the count finish before they judge it.</p></article></body></html>",
        "------MultipartBoundary--Zx8w1fPqK2----",
        "Content-Type: text/css",
        "Content-Transfer-Encoding: quoted-printable",
        "Content-Location: cid:css-7d1e@mhtml.blink",
        "",
        "@charset \"utf-8\";",
        "body { font-family: serif; }",
        "------MultipartBoundary--Zx8w1fPqK2------",
        "",
    ].joined(separator: "\r\n")

    /// An older Edge's: base64, the charset only in the part's header (the page declares none),
    /// no snapshot header but the part's address, whose path holds the date.
    static var edge: String {
        let html = "<html><head><title>Letters from Lisbon</title><meta name=\"author\" content=\"José Müller\"></head>"
            + "<body><article><h1>Letters from Lisbon</h1>"
            + "<p>Lisbon has spent a decade deciding what to do with its empty upper floors, and the answer, it turns out, is to let people live in them again.</p>"
            + "<p>The city’s rent rules were written for a country that had too many houses; they now govern one that has too few, and the gap is filled by short lets.</p>"
            + "<p>A modest change to the rules on conversions would bring thousands of flats back to families within a year, at no cost to the treasury.</p>"
            + "</article></body></html>"
        let windows1252 = html.unicodeScalars.map { s -> UInt8 in
            switch s { case "é": 0xE9; case "ü": 0xFC; case "’": 0x92; default: UInt8(truncatingIfNeeded: s.value) }
        }
        let base64 = Data(windows1252).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        return [
            "From: <Saved by Microsoft Internet Explorer 11>",
            "Subject: Letters from Lisbon",
            "MIME-Version: 1.0",
            "Content-Type: multipart/related; type=\"text/html\"; boundary=\"----=_NextPart_000_0000_01D9A1B2.C3D4E5F0\"",
            "",
            "This is a multi-part message in MIME format.",
            "",
            "------=_NextPart_000_0000_01D9A1B2.C3D4E5F0",
            "Content-Type: text/html; charset=\"windows-1252\"",
            "Content-Transfer-Encoding: base64",
            "Content-Location: https://www.example-review.com/opinion/2025/03/20/letters-from-lisbon",
            "",
            base64,
            "",
            "------=_NextPart_000_0000_01D9A1B2.C3D4E5F0--",
            "",
        ].joined(separator: "\r\n")
    }

    func top(_ f: Fixture, _ query: String) throws -> SearchResult? {
        try f.engine.search(SearchRequest(query: query)).results.first
    }

    @Test func chromeSavedPageIsIndexedAndSearched() throws {
        let f = try Fixture(["slower-cities.mhtml": Self.chrome])
        // "tramways" was cut by a soft line break, "café" written =C3=A9.
        let hit = try #require(try top(f, "tramways café"))
        #expect(hit.article.title == "The case for slower cities")
        #expect(hit.article.authors == ["Maria Okafor"])
        #expect(hit.article.date?.description == "2025-03-14")
        #expect(hit.article.outlet == "The Example Review")
        #expect(hit.article.url == "https://www.example-review.com/opinion/slower-cities")
        #expect(try f.engine.search(SearchRequest(query: "font-family")).results.isEmpty, "the stylesheet is not the article")
        #expect(try f.engine.search(SearchRequest(query: "3D")).results.isEmpty, "no =3D left")
    }

    @Test func edgeSavedPageInBase64AndWindows1252() throws {
        let f = try Fixture(["lisbon.mht": Self.edge])
        let hit = try #require(try top(f, "Lisbon conversions"))
        #expect(hit.article.title == "Letters from Lisbon")
        #expect(hit.article.authors == ["José Müller"])
        #expect(hit.article.date?.description == "2025-03-20")
        #expect(hit.article.outlet == "example-review.com")
        #expect(hit.article.url == "https://www.example-review.com/opinion/2025/03/20/letters-from-lisbon")
        #expect(try top(f, "city’s")?.article.title == "Letters from Lisbon")
    }
}
