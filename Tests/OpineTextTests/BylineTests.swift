import Testing
@testable import OpineText

/// The one by-line rule, on the kinds of wrong authors seen on pages Opine had never read:
/// each row is a by-line as a page or a file gives it and the names a person reads in it.
struct BylineTests {
    @Test(arguments: [
        // Splitting
        ("By Ann Lee and Bo Chan", ["Ann Lee", "Bo Chan"]),
        ("Ann Lee & Bo Chan", ["Ann Lee", "Bo Chan"]),
        ("Ann Lee; Bo Chan", ["Ann Lee", "Bo Chan"]),
        ("Sarah Hinger; Sylvia Torres-Guillén", ["Sarah Hinger", "Sylvia Torres-Guillén"]),
        ("Ann Lee | Bo Chan", ["Ann Lee", "Bo Chan"]),
        ("By Dana A. Ford, James S.A. Corey, Chien-Ming Wang, and Tom Watkins, CNN",
         ["Dana A. Ford", "James S.A. Corey", "Chien-Ming Wang", "Tom Watkins"]),
        ("By Jeremy Herb, Lauren del Valle, Kara Scannell and Douglas Wood",
         ["Jeremy Herb", "Lauren del Valle", "Kara Scannell", "Douglas Wood"]),
        ("Lee, Ann", ["Lee, Ann"]),
        ("brenckman,m.", ["brenckman,m."]),
        ("BY HAMILTON", ["Hamilton"]),
        ("Jobs & Hire", []),
        // Labels
        ("Article by", []),
        ("Posted by K A", ["K A"]),
        ("Written by: Charnele Henry", ["Charnele Henry"]),
        ("von Redaktion MSM", []),
        ("von Anna Schmidt", ["Anna Schmidt"]),
        ("Von Miller", ["Von Miller"]),
        ("Datum:", []),
        ("Author: Ann Lee", ["Ann Lee"]),
        // Dates and times after the names
        ("Poppy Reid Feb 21, 2020", ["Poppy Reid"]),
        ("17 April 2012 • 2:54pm", []),
        ("By Justine Coleman - 11/18/19 11:04 PM EST", ["Justine Coleman"]),
        ("LinkNaija August 08, 2018", ["LinkNaija"]),
        ("Tom Davies Published 11:34 PM EST Nov 19, 2019", ["Tom Davies"]),
        ("April Ryan", ["April Ryan"]),
        // Commenters, placeholders, addresses, handles, desks
        ("Art Edwards says:", []),
        ("No Author", []),
        ("Unknown", []),
        ("ann.lee@example.com", []),
        ("@AmyKup", []),
        ("National Desk", []),
        ("BBC News", []),
        ("Web Desk", []),
        ("Robert Burns, AP National Security Writer", ["Robert Burns"]),
        ("Amy Kuperinsky | NJ Advance Media for NJ.com", ["Amy Kuperinsky"]),
        ("on December", []),
        ("updated", []),
        // No-break spaces and other scripts
        ("Ann\u{A0}Lee", ["Ann Lee"]),
        ("严玉洁", ["严玉洁"]),
        ("Анна Ивановна", ["Анна Ивановна"]),
        ("محمد علي", ["محمد علي"]),
        ("田中太郎、佐藤花子", ["田中太郎", "佐藤花子"]),
        ("Associated Press", ["Associated Press"]),
        ("TOM KRISHER, AP Auto Writer", ["Tom Krisher"]),
        ("Mike Wuerthele and Malcolm Owen Monday, November 18, 2019", ["Mike Wuerthele", "Malcolm Owen"]),
        ("The Russian and Syrian defense ministries", []),
        ("kei_eno", []),
        ("Troy L. Smith, cleveland.com", ["Troy L. Smith"]),
        ("Lauren del Valle", ["Lauren del Valle"]),
        ("By CNN", ["CNN"]),
        ("Analysis by Chris Cillizza, CNN Editor-at-large", ["Chris Cillizza"]),
        ("Autori: Anna Ūdre (LTV Ziņu dienesta ārzemju ziņu redaktore)", ["Anna Ūdre"]),
        ("Ann Lee (Reuters)", ["Ann Lee"]),
        ("Finian Cunningham. Sputnik International", ["Finian Cunningham", "Sputnik International"]),
        ("Ann B. Lee and Jo Jr. Smith", ["Ann B. Lee", "Jo Jr. Smith"]),
        ("gto", []),
        ("Prof. Ann Lee", ["Prof. Ann Lee"]),
        ("By Writer 7", ["Writer 7"]),
        ("By A. O. Scott", ["A. O. Scott"]),
        ("By A Writer", ["A Writer"]),
        ("Ann Lee 9am", ["Ann Lee"]),
        ("Ann Lee 19 Nov", ["Ann Lee"]),
        ("India Post News Weekly 0 Comments", []),
        ("Photographs and text by Ann Lee", ["Ann Lee"]),
        ("Amanda \"Tania Mae\" Tan", ["Amanda \"Tania Mae\" Tan"]),
    ] as [(String, [String])])
    func namesPeopleRead(_ line: String, _ names: [String]) {
        #expect(Byline(line).authors == names, "\(line)")
    }

    @Test(arguments: [
        ("By Rowena Whelan, Reuters", ["Rowena Whelan"], "Reuters"),
        ("By Peter Torday and Ann Lee, AP", ["Peter Torday", "Ann Lee"], "AP"),
        ("By Ted D'afflisio, REUTERS", ["Ted D'afflisio"], "Reuters"),
        ("Charlie Wood | Reuters", ["Charlie Wood"], "Reuters"),
        ("By Javid Husain", ["Javid Husain"], nil),
    ] as [(String, [String], String?)])
    func agenciesAreOutlets(_ line: String, _ names: [String], _ outlet: String?) {
        let byline = Byline(line)
        #expect(byline.authors == names)
        #expect(byline.outlet == outlet)
    }

    @Test func theSiteItselfIsNoAuthor() {
        #expect(Byline("LinkNaija", siteNames: ["linknaija.com"]).authors == [])
        #expect(Byline("Charlie Wood, Business Insider", siteNames: ["Business Insider"]).authors == ["Charlie Wood"])
        #expect(Byline("CBS News", siteNames: ["CBS News"]).authors == [])
        #expect(Byline("Ann Lee", siteNames: ["CBS News", "cbsnews.com"]).authors == ["Ann Lee"])
    }

    @Test func candidatesArePooledWithoutRepeats() {
        let byline = Byline(candidates: ["Ann Lee", "No Author", "Bo Chan and Ann Lee", "https://example.com/ann"])
        #expect(byline.authors == ["Ann Lee", "Bo Chan"])
    }

    @Test func hostileBylinesGiveNoNames() {
        for line in ["", " ", "By", "By ", String(repeating: "Ann Lee and ", count: 200), "\u{200B}", "&", ",,,", "🙂"] {
            #expect(Byline(line).authors.isEmpty, "\(line.prefix(20))")
        }
    }
}
