import OpineRender
import Testing

@Suite struct HighlighterTests {
    // "Dar’s <CPEC> & more": byte offsets counted by hand (’ is 3 bytes).
    static let text = "Dar’s <CPEC> & more"

    @Test func plainBrackets() {
        #expect(Highlighter(.plain).render(Self.text, highlights: [0..<3, 9..<13]) == "[Dar]’s <[CPEC]> & more")
    }

    @Test func ansiColours() {
        #expect(Highlighter(.ansi).render("a CPEC b", highlights: [2..<6]) == "a \u{1B}[1;31mCPEC\u{1B}[0m b")
    }

    @Test func htmlEscapesEverythingAndMarks() {
        #expect(Highlighter(.html).render(Self.text, highlights: [9..<13])
                == "Dar’s &lt;<mark>CPEC</mark>&gt; &amp; more")
        #expect(Highlighter(.html).render("it's \"x\"", highlights: []) == "it&#39;s &quot;x&quot;")
        #expect(Highlighter(.html).strong("<b>") == "<strong>&lt;b&gt;</strong>")
    }

    /// Regression (the hostile-data fuzzer): `CPEC \u{1}` in a chart's title made its SVG
    /// ill-formed; XML 1.0 has no way to write U+0001, not even as an entity.
    @Test func charactersXMLForbidsBecomeReplacementCharacters() {
        #expect(Highlighter.escapeHTML("a\u{1}b\u{1F}c\u{FFFE}d\te\nf\rg\u{7F}") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\te\nf\rg\u{7F}")
    }

    @Test func badRangesAreSkipped() {
        // Out of bounds, inside a UTF-8 sequence (byte 4 is inside ’), overlapping, empty.
        let out = Highlighter(.plain).render(Self.text, highlights: [40..<45, 4..<5, 0..<3, 1..<2, 7..<7])
        #expect(out == "[Dar]’s <CPEC> & more")
    }

    @Test func jsonStringsEscapeControls() {
        #expect(JSONObject.string("a\"b\\\n\u{1}") == "\"a\\\"b\\\\\\n\\u0001\"")
        var o = JSONObject()
        o.add("x", Double.nan)
        o.add("r", raw: JSONObject.ranges([1..<2]))
        #expect(o.text == "{\"x\":null,\"r\":[[1,2]]}")
    }
}
