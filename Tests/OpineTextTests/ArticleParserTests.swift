import Foundation
import Testing
@testable import OpineText

/// The repository root, from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let sharedCorpora = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpora")
/// The collections in `../shared` are not part of the repository: tests of them skip visibly.
let hasSharedCorpora = FileManager.default.fileExists(atPath: sharedCorpora.appendingPathComponent("webis-editorials-16").path)

struct ArticleParserTests {
    static let seedPath = packageRoot.appendingPathComponent("Corpus/2025-09-20-there-are-limits-to-bonhomie.txt").path

    static func seed() throws -> (String, Article) {
        let text = try String(contentsOfFile: seedPath, encoding: .utf8)
        return (text, ArticleParser().parse(text, fileName: seedPath))
    }

    @Test func seedFields() throws {
        let (text, a) = try Self.seed()
        #expect(a.title == "There are limits to bonhomie")
        #expect(a.authors == ["Javid Husain"])
        #expect(a.date?.description == "2025-09-20")
        #expect(a.standfirst == "Several developments since June have helped improve climate of relations between Pakistan and US")
        #expect(a.caption.hasPrefix("US Secretary of State Marco Rubio"))
        #expect(a.caption.hasSuffix("— Rueyers"))
        #expect(a.bio.hasPrefix("The writer is a retired ambassador"))
        #expect(a.body.count == 15)
        #expect(a.body.first?.hasPrefix("The lunch hosted by US President Trump") == true)
        #expect(a.body.last?.hasPrefix("In short, Pakistan’s efforts") == true)
        let body = a.body.joined(separator: "\n")
        for absent in ["Rueyers", "The writer is", "Disclaimer", "Next Story", "More From Opinion", "By Javid Husain"] {
            #expect(!body.contains(absent), "body holds \(absent)")
        }
        // Every passage's range is the exact source text.
        let bytes = Array(text.utf8)
        for p in a.passages {
            #expect(String(decoding: bytes[p.range], as: UTF8.self) == p.text)
        }
        #expect(a.passages.map(\.kind).prefix(2) == [.title, .byline])
        #expect(a.passages[1].text == "By Javid Husain")
        #expect(a.passages.filter { $0.kind == .body }.count == 15)
        #expect(a.passages.contains { $0.text.contains("CPEC 2.0") })
    }

    @Test func severalAuthors() {
        let a = ArticleParser().parse("Title\nBy Ann Smith and Bob Jones\nMay 1, 2024\n\nBody text here that is long enough.")
        #expect(a.authors == ["Ann Smith", "Bob Jones"])
        let b = ArticleParser().parse("Title\nBy Ann Smith, Bob Jones and Carl Diaz\n\nBody.")
        #expect(b.authors == ["Ann Smith", "Bob Jones", "Carl Diaz"])
        let c = ArticleParser().parse("experimental wing .\nBy brenckman,m.\n\nbody text")
        #expect(c.authors == ["brenckman,m."])
        let d = ArticleParser().parse("Federalist No. 10\nBy MADISON\n\nText")
        #expect(d.authors == ["Madison"])
    }

    @Test func frontMatter() {
        let md = "---\ntitle: \"A Markdown Op-Ed\"\nauthor: Jane Doe\ndate: 2024-05-06\n---\n\n# A Markdown Op-Ed\n\nFirst paragraph.\n\nSecond paragraph."
        let a = ArticleParser().parse(md, fileName: "x.md")
        #expect(a.title == "A Markdown Op-Ed")
        #expect(a.authors == ["Jane Doe"])
        #expect(a.date?.description == "2024-05-06")
        #expect(a.body.contains("Second paragraph."))
    }

    /// A front-matter date Opine cannot represent is refused with a warning, never silently.
    @Test(arguments: [("9999-12-31", false), ("0000-01-01", false), ("2025-02-30", false), ("yesterday", false),
                      ("2999-12-31", true), ("1000-01-01", true), ("", true)])
    func aFrontMatterDateOutsideTheYearsIsRefusedWithAWarning(_ value: String, _ accepted: Bool) {
        let a = ArticleParser().parse("---\ntitle: T\ndate: \(value)\n---\n\nBody.", fileName: "x.md")
        #expect((a.date?.description == value) == (accepted && !value.isEmpty))
        #expect((a.refusedDate == nil) == accepted, "\(a.refusedDate ?? "")")
        if !accepted { #expect(ArticleDate.refusal(value).contains("indexed without a date")) }
    }

    @Test func noHeader() {
        let a = ArticleParser().parse("Just a line of text that is the title\n\nAnd a paragraph.", fileName: "/x/notes-on-things.txt")
        #expect(a.title == "Just a line of text that is the title")
        #expect(a.authors.isEmpty && a.date == nil)
        let long = String(repeating: "word ", count: 100)
        let b = ArticleParser().parse(long, fileName: "/x/notes-on-things.txt")
        #expect(b.title == "notes on things")
        #expect(b.body.count == 1)
        let c = ArticleParser().parse("", fileName: "empty.txt")
        #expect(c.title == "empty" && c.passages.isEmpty)
    }

    @Test func dawnTeaserIsNotAStandfirst() {
        let text = "PSL resumption\nBy Dawn\nMay 14, 2025\n\nTHE Pakistan Super League is back on. Postponed last week, the ...\n\nTHE Pakistan Super League is back on. Postponed last week, the remaining matches will be played.\n\nMore text."
        let a = ArticleParser().parse(text)
        #expect(a.standfirst.isEmpty)
        #expect(a.body.count == 2)
    }

    @Test(.enabled(if: hasSharedCorpora, "needs ../shared/corpora"))
    func federalistAndWebisHaveSensibleHeaders() throws {
        let fed = sharedCorpora.appendingPathComponent("federalist-papers/docs/federalist-01.txt").path
        let webis = sharedCorpora.appendingPathComponent("webis-editorials-16/docs/aljazeera-006.txt").path
        let f = ArticleParser().parse(try String(contentsOfFile: fed, encoding: .utf8), fileName: fed)
        #expect(f.title == "Federalist No. 1: General Introduction")
        #expect(f.authors == ["Hamilton"])
        #expect(f.date?.description == "1787-10-27")
        #expect(f.standfirst.isEmpty)
        let w = ArticleParser().parse(try String(contentsOfFile: webis, encoding: .utf8), fileName: webis)
        #expect(w.title == "Afghanistan at crucial juncture.")
        #expect(w.body.count > 3)
        #expect(w.standfirst.isEmpty)
    }
}

struct AgencyBylineTests {
    @Test(arguments: [
        ("By Rowena Whelan, Reuters", ["Rowena Whelan"], "Reuters"),
        ("By Peter Torday and Ann Lee, AP", ["Peter Torday", "Ann Lee"], "AP"),
        ("By Ted D'afflisio, REUTERS", ["Ted D'afflisio"], "Reuters"),
        ("By Ann Lee, afp", ["Ann Lee"], "AFP"),
        ("By Javid Husain", ["Javid Husain"], nil),
        ("By Smith, Jones and Brown", ["Smith, Jones", "Brown"], nil),
    ] as [(String, [String], String?)])
    func agenciesAreOutletsNotAuthors(_ line: String, _ authors: [String], _ outlet: String?) {
        let a = ArticleParser().parse("Title\n\(line)\nMarch 2, 1987\n\nBody text of the article.")
        #expect(a.authors == authors)
        #expect(a.outlet == (outlet ?? ""))
    }
}

struct BoilerplateTests {
    @Test func siteLinesAndBios() {
        for line in ["Share", "Share • Tweet", "SHARE  TWEET  EMAIL", "Disclaimer: views expressed are the writer’s own.",
                     "  Follow us on Twitter", "Copyright © 2025 Dawn", "Share — Comments"] {
            #expect(Boilerplate.isBoilerplate(line), "\(line)")
        }
        for line in ["Shares fell 3%.", "Emailed statements were read out.", "Share prices rose", "Café", "Print media is dying.",
                     "The writer is a columnist."] {
            #expect(!Boilerplate.isBoilerplate(line), "\(line)")
        }
        #expect(Boilerplate.isBio("— The writer is a former ambassador."))
        #expect(Boilerplate.isBio("*The author, a professor, …"))
        #expect(!Boilerplate.isBio("The writers' guild met."))
        #expect(Boilerplate.endsArticle("Next Story >>>"))
        #expect(!Boilerplate.endsArticle("Next, the story of CPEC."))
        // Leading decoration goes (ASCII, « and other Latin-1 marks, dashes and curly quotes);
        // only ASCII is lowercased.
        #expect(Boilerplate.normalized("  «Ça va» ") == Array("Ça va» ".utf8))
        #expect(Boilerplate.normalized("“— Quoted”") == Array("quoted”".utf8))
    }
}

struct BioTests {
    @Test(arguments: ["The writer is a retired ambassador.",
                      "Mike Lee's book about the search for life is out now. Follow him on Twitter @mlee.",
                      "Have a tip? Ann Lee may be reached at alee@example.com."])
    func biosAreBios(_ text: String) { #expect(Boilerplate.isBio(text)) }

    @Test(arguments: ["He said he would follow the plan.", "The minister can be seen at the summit."])
    func sentencesAreNot(_ text: String) { #expect(!Boilerplate.isBio(text)) }
}

struct DateLineTests {
    @Test(arguments: ["Updated 3:27 am PST, Wednesday, November 20, 2019", "Posted: 18 Nov 2019 8:11 pm", "NOVEMBER 20, 2019 10:43",
                      "Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM", "Published 2 hours ago", "Wednesday, 20 November 2019",
                      "Posted by Michael David Smith on November 19, 2019, 6:21 AM EST", "Actualizado el 19 de noviembre de 2019",
                      "Šodien, 17:40", "Today 9:05 AM"])
    func dateLinesAreBoilerplate(_ line: String) {
        #expect(Boilerplate.isDateLine(line))
        #expect(Boilerplate.isBoilerplate(line))
    }

    @Test(arguments: ["225.86", "12", "Top 10", "Updated figures show 30 percent more voters", "Published in 1998, the novel sold well.",
                      "On November 20, 2019, the committee met in closed session to hear from the ambassador about the aid."])
    func sentencesAndCellsAreNot(_ line: String) {
        #expect(!Boilerplate.isDateLine(line))
    }
}
