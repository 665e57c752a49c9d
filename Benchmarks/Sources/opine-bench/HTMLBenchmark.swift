import Foundation
import OpineSources

/// `opine-bench html DIR`: the pages of DIR (`*.html`, `*.htm`, `*.html.gz`), decompressed
/// once, then, in one run and over the same bytes: libxml2's bare parse (the reference), Opine's
/// extraction (parse, tree, article, fields), `opine index` of the pages, and `opine index` of
/// the text extracted from them saved as `.txt` (what the same text costs as text files).
func htmlBenchmark(_ dir: String) {
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter {
        let n = $0.lowercased()
        return n.hasSuffix(".html") || n.hasSuffix(".htm") || n.hasSuffix(".html.gz")
    }.sorted()
    let pages = names.compactMap { name -> (String, [UInt8])? in
        guard let data = FileManager.default.contents(atPath: dir + "/" + name),
            let page = try? HTMLReader.pageBytes([UInt8](data)) else { return nil }
        return (name, page)
    }
    let bytes = pages.reduce(0) { $0 + $1.1.count }
    print("\(pages.count) pages, \(String(format: "%.1f", mb(bytes))) MB of HTML once decompressed")
    let parse = bestOf(3) { for (_, page) in pages { _ = HTMLReader.bareParse(page) } }
    var extracted: [(String, String)] = []
    let extract = bestOf(3) {
        extracted = pages.map { name, page in
            let article = (try? HTMLReader().document(page, path: name))?.articles.first
            return (name, ([article?.title ?? ""] + (article?.passages.dropFirst().map(\.text) ?? [])).joined(separator: "\n\n"))
        }
    }
    let work = temporaryDirectory("html")
    defer { try? FileManager.default.removeItem(atPath: work) }
    for (folder, files) in [("pages", pages.map { ($0.0.replacingOccurrences(of: ".gz", with: ""), Data($0.1)) }),
                            ("text", extracted.map { ($0.0 + ".txt", Data($0.1.utf8)) })] {
        try? FileManager.default.createDirectory(atPath: work + "/" + folder, withIntermediateDirectories: true)
        for (name, data) in files { FileManager.default.createFile(atPath: work + "/" + folder + "/" + name, contents: data) }
    }
    // Best of three fresh indexes each, as the in-process figures are best of three.
    func index(_ folder: String) -> Double {
        (0..<3).map { run -> Double in
            let path = work + "/\(folder)-\(run).sqlite"
            return spawn(opineBinary, ["index", "-q", "--index", path, work + "/" + folder]).seconds
        }.min()!
    }
    let indexPages = (seconds: index("pages"), 0)
    let indexText = (seconds: index("text"), 0)
    print("| step | seconds | MB/s of HTML | × libxml2's parse |")
    print("|---|---|---|---|")
    for (step, seconds) in [("libxml2 parse alone (reference)", parse), ("Opine extraction (parse + article + fields)", extract),
                            ("opine index of the pages", indexPages.seconds), ("opine index of the same text as .txt", indexText.seconds)] {
        print(String(format: "| %@ | %.3f | %.1f | %.2f |", step, seconds, mb(bytes) / seconds, seconds / parse))
    }
    print(String(format: "indexing pages costs %.3f s; extraction plus the text as .txt: %.3f s",
                 indexPages.seconds, extract + indexText.seconds))
}

/// The fastest of `n` runs of `body`, in seconds.
func bestOf(_ n: Int, _ body: () -> Void) -> Double {
    var best = Double.infinity
    for _ in 0..<n {
        let start = now()
        body()
        best = min(best, now() - start)
    }
    return best
}
