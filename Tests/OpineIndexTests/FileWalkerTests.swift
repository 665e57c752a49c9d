import Foundation
import Testing
@testable import OpineIndex
import OpineSources

/// The walk against Foundation's own listing of the same folder: a folder large enough that its
/// entries are stat'ed on several threads, with other types, a hidden file, a broken link and a
/// subfolder.
struct FileWalkerTests {
    @Test func aLargeFolderIsListedAsFoundationListsIt() throws {
        let folder = TemporaryFolder()
        for n in 0..<5_000 { folder.write("big/n\(n).\(n % 7 == 0 ? "MD" : "txt")", String(repeating: "x", count: n % 50)) }
        folder.write("big/report.pdf", "%PDF")
        folder.write("big/.hidden.txt", "hidden")
        folder.write("big/sub/inner.html", "<p>x</p>")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/big/dangling.txt", withDestinationPath: folder.path + "/nowhere")
        var walker = FileWalker(formats: .standard)
        walker.walk(folder.path + "/big")
        var files = walker.files
        files.sortByPathRemovingDuplicates()

        // The oracle: Foundation's enumerator, article endings compared case-insensitively.
        var expected: [(String, Int64, Int64)] = []
        let fm = FileManager.default
        let endings = ArticleFormats.standard.extensions
        for case let relative as String in fm.enumerator(atPath: folder.path + "/big")! {
            let path = folder.path + "/big/" + relative
            guard !(relative as NSString).lastPathComponent.hasPrefix("."),
                  endings.contains(where: { relative.lowercased().hasSuffix($0) }),
                  let attributes = try? fm.attributesOfItem(atPath: path),
                  attributes[.type] as? FileAttributeType == .typeRegular else { continue }
            var st = stat()
            stat(path, &st)
            expected.append((path, (attributes[.size] as! NSNumber).int64Value, FileWalker.mtime(st)))
        }
        expected.sort { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }
        #expect(files.count == 5_001)
        #expect(files.count == expected.count)
        for (i, e) in expected.enumerated() where i < files.count {
            let f = files[i]
            #expect(f.path == e.0 && f.size == e.1 && f.mtime == e.2, "\(i): \(f.path)")
            if f.path != e.0 { break }
        }
        #expect(walker.warnings == [folder.path + "/big/dangling.txt: broken symbolic link, skipped"])
        #expect(walker.skippedTypes == [".pdf": 1])
    }

    /// A name that is not UTF-8 (a Latin-1 "café") is one clear warning, not a failure to read
    /// later; the UTF-8 names beside it are listed.
    @Test func aNameThatIsNotUTF8IsNamedAndSkipped() throws {
        let folder = TemporaryFolder()
        folder.write("ok/café.txt", "UTF-8 name")
        folder.write("ok/plain.txt", "ASCII name")
        let latin1 = folder.path + "/ok/caf\u{FFFD}"  // how the warning shows the byte 0xE9
        let raw = Array((folder.path + "/ok/caf").utf8) + [0xE9] + Array(".txt".utf8) + [0]
        let fd = raw.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) } }
        #expect(fd >= 0)
        close(fd)
        var walker = FileWalker(formats: .standard)
        walker.walk(folder.path + "/ok")
        #expect((0..<walker.files.count).map { walker.files[$0].path }.sorted() == [folder.path + "/ok/café.txt", folder.path + "/ok/plain.txt"])
        #expect(walker.warnings == [latin1 + ".txt: the name is not UTF-8 text; rename it to index it, skipped"])
        #expect(walker.unreadable == 1, "a failure of the run: opine index exits 3")
    }

    /// The folder sort by integer keys against `strcmp`'s order (the C library as the oracle), on
    /// names sharing long prefixes, of every length around 8 and 16 bytes, with bytes above 0x7F.
    @Test(arguments: [7, 8, 9])
    func namesSortAsStrcmpSortsThem(seed: UInt64) {
        var rng = SplitMix(seed)
        let alphabet: [UInt8] = Array("ab-.0 9".utf8) + [0xC3, 0xA9, 0xFF, 0x7F, 0x01]
        var buffer: [CChar] = []
        var starts: [Int32] = []
        for _ in 0..<2_000 {
            let shared = Array("reut-1234567".utf8.prefix(Int(rng.next() % 13)))
            let tail = (0..<Int(rng.next() % 12)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            let name = shared + tail
            guard !name.isEmpty else { continue }
            starts.append(Int32(buffer.count))
            buffer += name.map { CChar(bitPattern: $0) } + [0]
        }
        buffer.withUnsafeBufferPointer { b in
            var sorted = starts
            FileWalker.sortNames(&sorted, in: b)
            let oracle = starts.sorted { x, y in
                let c = strcmp(b.baseAddress! + Int(x), b.baseAddress! + Int(y))
                return c != 0 ? c < 0 : x < y
            }
            let names = { (list: [Int32]) in
                list.map { Array(UnsafeRawBufferPointer(start: b.baseAddress! + Int($0), count: strlen(b.baseAddress! + Int($0)))) }
            }
            #expect(names(sorted) == names(oracle))
        }
    }
}
