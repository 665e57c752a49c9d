import Foundation
import Testing

/// Every force unwrap (`x!`, `try!`, `as!`) left in `Sources/`, with the reason it cannot trap
/// on what a file, page, feed, request or the index holds. A new one fails this test until it
/// is written here with its reason, or replaced by a checked path.
struct ForceUnwrapLedgerTests {
    /// (file under Sources/, the line's code as written, why it is safe).
    /// Empty: every force unwrap Sources/ had is now a checked path. An entry reads
    /// `("OpineText/File.swift", "the line as written", "why it cannot trap")`.
    static let ledger: [(file: String, code: String, reason: String)] = []

    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    @Test func everyForceUnwrapInSourcesHasAReason() throws {
        var found: [(file: String, code: String)] = []
        let files = try FileManager.default.subpathsOfDirectory(atPath: Self.sources.path).filter { $0.hasSuffix(".swift") }
        for file in files.sorted() {
            let text = try String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
            let code = SwiftCode.strippingCommentsAndStrings(text)
            let original = text.components(separatedBy: "\n")
            for (n, line) in code.components(separatedBy: "\n").enumerated() where SwiftCode.forceUnwraps(in: line) > 0 {
                for _ in 0..<SwiftCode.forceUnwraps(in: line) {
                    found.append((file, original[n].trimmingCharacters(in: .whitespaces)))
                }
            }
        }
        for f in found where !Self.ledger.contains(where: { $0.file == f.file && $0.code == f.code }) {
            Issue.record("a force unwrap without a reason: \(f.file): \(f.code)")
        }
        for entry in Self.ledger where !found.contains(where: { $0.file == entry.file && $0.code == entry.code }) {
            Issue.record("the ledger names a force unwrap that is gone: \(entry.file): \(entry.code)")
        }
    }

    /// The scanner finds what it must and nothing else: the test above depends on it.
    @Test(arguments: [
        ("let a = b!", 1), ("x!.y", 1), ("f()!", 1), ("a[0]!", 1), ("try! f()", 1), ("x as! Int", 1), ("a?.b!", 1),
        ("a != b", 0), ("!a", 0), ("if !x.isEmpty {", 0), ("a !== b", 0), ("let s = \"Hi!\"", 0), ("x // y!", 0),
        ("let s = \"\\(a!)\"", 1), ("/* b! */ c", 0), ("let s = \"\\(f(\"!\"))\"", 0),
    ])
    func theScannerSeesForceUnwrapsOnly(_ line: String, _ expected: Int) {
        #expect(SwiftCode.forceUnwraps(in: SwiftCode.strippingCommentsAndStrings(line)) == expected, "\(line)")
    }
}

/// Just enough Swift lexing to find force unwraps: comments dropped, string literals emptied
/// (their interpolations kept, since they are code), lines kept in place.
enum SwiftCode {
    static func strippingCommentsAndStrings(_ source: String) -> String {
        let s = Array(source.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        // The modes entered: a string (`"` or `"""`) or an interpolation (its open parentheses).
        var stack: [(string: String, parens: Int)] = []
        var inString: String?
        func starts(_ text: String, at k: Int) -> Bool {
            let t = Array(text.unicodeScalars)
            return k + t.count <= s.count && Array(s[k..<(k + t.count)]) == t
        }
        while i < s.count {
            let c = s[i]
            if let quote = inString {
                if c == "\\" && i + 1 < s.count && s[i + 1] == "(" {
                    stack.append((quote, 0))
                    inString = nil
                    out.append("(")
                    i += 2
                } else if c == "\\" {
                    i += 2
                } else if starts(quote, at: i) {
                    inString = nil
                    out.append("\"")
                    i += quote.unicodeScalars.count
                } else {
                    if c == "\n" { out.append("\n") }
                    i += 1
                }
                continue
            }
            if starts("//", at: i) {
                while i < s.count && s[i] != "\n" { i += 1 }
            } else if starts("/*", at: i) {
                i += 2
                while i < s.count && !starts("*/", at: i) {
                    if s[i] == "\n" { out.append("\n") }
                    i += 1
                }
                i += 2
            } else if starts("#\"", at: i) {
                i += 2
                while i < s.count && !starts("\"#", at: i) { i += 1 }
                i += 2
                out.append("\"")
            } else if c == "\"" {
                inString = starts("\"\"\"", at: i) ? "\"\"\"" : "\""
                i += inString?.unicodeScalars.count ?? 1
                out.append("\"")
            } else {
                if c == "(", !stack.isEmpty { stack[stack.count - 1].parens += 1 }
                if c == ")", let top = stack.last {
                    if top.parens == 0 {
                        stack.removeLast()
                        inString = top.string
                    } else {
                        stack[stack.count - 1].parens -= 1
                    }
                }
                out.append(c)
                i += 1
            }
        }
        return String(out)
    }

    /// `!` right after a name, `)`, `]`, `>` or `?`, and not the start of `!=`.
    static func forceUnwraps(in line: String) -> Int {
        let s = Array(line.unicodeScalars)
        var count = 0
        for i in s.indices.dropFirst() where s[i] == "!" {
            let before = s[i - 1]
            let after: Unicode.Scalar? = i + 1 < s.count ? s[i + 1] : nil
            let afterName = before.properties.isAlphabetic || ("0"..."9").contains(before) || "_)]>?".unicodeScalars.contains(before)
            if afterName && after != "=" { count += 1 }
        }
        return count
    }
}
