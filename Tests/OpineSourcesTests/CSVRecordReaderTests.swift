import Testing
@testable import OpineSources
import OpineText

/// Dataset exports as people save them: dates in either order, authors joined with "; ",
/// spreadsheets' delimiters, byte-order marks, CRLF, Windows-1252.
struct CSVRecordReaderTests {
    struct Read {
        var articles: [Article]
        var lines: [Int]
        var warnings: [SourceWarning]
    }

    func read(_ bytes: [UInt8], path: String = "/d/export.csv", settings: DatasetSettings = DatasetSettings(),
              reader: CSVRecordReader = CSVRecordReader()) throws -> Read {
        var out = Read(articles: [], lines: [], warnings: [])
        out.warnings = try reader.read(.bytes(bytes, path: path), settings: settings) { record in
            if let a = record.article {
                out.articles.append(a)
                out.lines.append(record.line)
            }
        }
        return out
    }

    func read(_ text: String, settings: DatasetSettings = DatasetSettings()) throws -> Read {
        try read(Array(text.utf8), settings: settings)
    }

    @Test func dayFirstDatesAndSemicolonJoinedAuthors() throws {
        let r = try read("""
            title,author,date,text
            Voting rights,"Sarah Hinger; Sylvia Torres-Guillén",19/07/2013,"The court ruled, again."
            A second look,Ann Lee,03/04/2020,Second body.
            Third,Bo Chan and Cy Diaz,28/09/2020,Third body.

            """)
        #expect(r.articles.map(\.title) == ["Voting rights", "A second look", "Third"])
        #expect(r.articles[0].authors == ["Sarah Hinger", "Sylvia Torres-Guillén"])
        #expect(r.articles[2].authors == ["Bo Chan", "Cy Diaz"])
        // 19/07 and 28/09 decide the file's order: 03/04/2020 is the 3rd of April.
        #expect(r.articles.map { $0.date?.description } == ["2013-07-19", "2020-04-03", "2020-09-28"])
        #expect(r.warnings.isEmpty)
        // The by-line passage names both authors.
        #expect(r.articles[0].passages.first { $0.kind == .byline }?.text == "By Sarah Hinger, Sylvia Torres-Guillén")
    }

    @Test func monthFirstDatesDecidedByADayAbove12() throws {
        let r = try read("title,date,text\nA,03/04/2020,One.\nB,07/19/2013,Two.\n")
        #expect(r.articles.map { $0.date?.description } == ["2020-03-04", "2013-07-19"])
        #expect(r.warnings.isEmpty)
    }

    /// What Excel saves in a European locale: `;` between fields, a byte-order mark, CRLF.
    @Test func excelInAEuropeanLocale() throws {
        let text = "title;author;date;text\r\nErste Seite;José Müller;28/09/2020;Ein Text, mit Komma.\r\n"
            + "Zweite;\"Ann Lee; Bo Chan\";01/02/2021;\"Zwei Zeilen\r\nin einer Zelle; mit Semikolon.\"\r\n"
        let r = try read([0xEF, 0xBB, 0xBF] + Array(text.utf8))
        #expect(r.articles.map(\.title) == ["Erste Seite", "Zweite"])
        #expect(r.articles.map(\.authors) == [["José Müller"], ["Ann Lee", "Bo Chan"]])
        #expect(r.articles.map { $0.date?.description } == ["2020-09-28", "2021-02-01"])
        #expect(r.articles[0].body == ["Ein Text, mit Komma."])
        #expect(r.articles[1].body == ["Zwei Zeilen", "in einer Zelle; mit Semikolon."])
        #expect(r.lines == [2, 3])
        #expect(r.warnings.isEmpty)
    }

    @Test func windows1252IsReadWithOneWarning() throws {
        // "José Müller" and "Café" as Windows-1252 writes them (é = E9, ü = FC).
        let bytes = Array("title,author,date,text\nOne,Jos".utf8) + [0xE9] + Array(" M".utf8) + [0xFC]
            + Array("ller,2020-01-01,Caf".utf8) + [0xE9] + Array(" society.\nTwo,Ann Lee,2020-01-02,Na".utf8) + [0xEF]
            + Array("ve.\n".utf8)
        let r = try read(bytes)
        #expect(r.articles.map(\.authors) == [["José Müller"], ["Ann Lee"]])
        #expect(r.articles.map(\.body) == [["Café society."], ["Naïve."]])
        #expect(r.warnings == [.notUTF8(readAs: .windows1252)])
    }

    @Test func utf16WithItsByteOrderMark() throws {
        let text = "title\tauthor\ttext\nÜber\tJosé Müller\tEin Text.\n"
        var le: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { le += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let r = try read(le)
        #expect(r.articles.map(\.title) == ["Über"])
        #expect(r.articles.map(\.authors) == [["José Müller"]])
        #expect(r.warnings.isEmpty)
    }

    @Test func ambiguousFileIsOneWarningWithTheCount() throws {
        let r = try read("title,date,text\nA,03/04/2020,One.\nB,05/06/2020,Two.\nC,05/05/2020,Three.\nD,2020-01-09,Four.\n")
        // 05/05 is the same date either way; the ISO date needs no order.
        #expect(r.articles.map { $0.date?.description } == [nil, nil, "2020-05-05", "2020-01-09"])
        #expect(r.warnings == [.ambiguousDates(rows: 2, example: .init(line: 2, text: "03/04/2020"))])
        #expect(r.warnings[0].description.contains("2 rows' dates could be dd/mm/yyyy or mm/dd/yyyy (line 2: 03/04/2020)"))
    }

    @Test func theNamedOrderReadsAnAmbiguousFile() throws {
        let r = try read("title,date,text\nA,03/04/2020,One.\nB,19/07/2013,Two.\n", settings: DatasetSettings(dates: .order(.monthFirst)))
        #expect(r.articles.map { $0.date?.description } == ["2020-03-04", nil])
        #expect(r.warnings == [.unreadableDates(rows: 1, example: .init(line: 3, text: "19/07/2013"), order: .monthFirst)])
    }

    @Test func unreadableDatesAreOneWarningWithTheCount() throws {
        let r = try read("title,date,text\nA,soon,One.\nB,,Two.\nC,last Tuesday,Three.\nD,\"May 3, 2021\",Four.\n")
        #expect(r.articles.map { $0.date?.description } == [nil, nil, nil, "2021-05-03"])
        #expect(r.warnings == [.unreadableDates(rows: 2, example: .init(line: 2, text: "soon"), order: nil)])
        #expect(r.warnings[0].description == "2 rows' dates cannot be read (line 2: 'soon'): left out")
    }

    /// `opine search --csv` writes authors joined with "; ": its output reads back.
    @Test func opinesOwnSearchExportReadsBack() throws {
        let r = try read("""
            rank,score,path,title,authors,date,outlet,snippet
            1,1.5,csv/a.csv#id=1,Voting rights,Sarah Hinger; Sylvia Torres-Guillén,2013-07-19,ACLU,"The court, again."

            """)
        #expect(r.articles.count == 1)
        #expect(r.articles[0].authors == ["Sarah Hinger", "Sylvia Torres-Guillén"])
        #expect(r.articles[0].outlet == "ACLU")
        #expect(r.articles[0].date?.description == "2013-07-19")
    }

    @Test func tabSeparatedFormat() throws {
        let tsv = try #require(ArticleFormats.standard.reader(for: "/d/x.TSV") as? CSVRecordReader)
        // Commas in every row would make a sniffer think of commas: the format says tab.
        let r = try read(Array("title\ttext\nA, b, c\tOne, two.\nD, e, f\tThree, four.\n".utf8), path: "/d/x.tsv", reader: tsv)
        #expect(r.articles.map(\.title) == ["A, b, c", "D, e, f"])
    }

    /// A record's hash is its bytes' alone when its file is read the usual way (the index's
    /// stored hashes stay valid), and changes when the file is read another way.
    @Test func recordHashesChangeWithTheReading() throws {
        func hashes(_ text: String, _ settings: DatasetSettings = DatasetSettings()) throws -> [Int64] {
            var out: [Int64] = []
            _ = try CSVRecordReader().read(.bytes(Array(text.utf8), path: "/d/e.csv"), settings: settings) { out.append($0.hash) }
            return out
        }
        let row = "A,2020-01-01,One."
        #expect(try hashes("title,date,text\n\(row)\n") == [ContentHash.of(Array((row + "\n").utf8))])
        #expect(try hashes("title,date,text\n\(row)\n", DatasetSettings(dates: .order(.dayFirst))) != [ContentHash.of(Array((row + "\n").utf8))])
        #expect(try hashes("title;date;text\nA;2020-01-01;One.\n") != [ContentHash.of(Array("A;2020-01-01;One.\n".utf8))])
    }
}
