import Testing
@testable import OpineSources

struct DelimiterSnifferTests {
    @Test(arguments: [
        ("title,author,text\nA,B,\"C; d; e\"\nF,G,H\n", ","),
        ("title;author;text\nA;B;C, d, e\nF;G;\"H; i\"\n", ";"),
        ("title\tauthor\ttext\nA\tB\tC, d; e\n", "\t"),
        ("title|author|text\nA|B|C, d\nE|F|G; h\n", "|"),
        // A semicolon file whose texts hold commas, some rows more than others.
        ("a;b;c\n1;2;x, y\n3;4;z\n5;6;p, q, r\n", ";"),
        // One column: nothing decides, a comma.
        ("text\nOne.\nTwo.\n", ","),
        // Quoted line breaks and delimiters do not count.
        ("title,text\n\"A;\nB\",\"C;D;E\"\nF,G\n", ","),
        ("", ","),
    ])
    func findsTheDelimiter(_ sample: String, _ expected: String) {
        #expect(DelimiterSniffer.delimiter(in: Array(sample.utf8), isWhole: true) == Array(expected.utf8)[0])
    }

    @Test func aCutLastRowIsNotCounted() {
        // The sample ends inside a row that has one semicolon so far.
        let sample = Array("a;b;c\n1;2;3\n4;5;6\n7;8".utf8)
        #expect(DelimiterSniffer.delimiter(in: sample, isWhole: false) == UInt8(ascii: ";"))
        #expect(DelimiterSniffer.counts(sample).count == 4)
    }
}
