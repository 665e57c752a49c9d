import Testing
@testable import OpineText

struct SourceTextTests {
    /// A sequence split between two chunks is still UTF-8; a bad byte anywhere is not.
    @Test func utf8CheckAcrossChunks() {
        let bytes = Array("Müller, naïve, 😀 and a long ASCII run to take the fast path.".utf8)
        for cut in 0...bytes.count {
            var check = SourceText.UTF8Check()
            check.feed(Array(bytes[..<cut]))
            check.feed(Array(bytes[cut...]))
            #expect(check.endsValid, "cut at \(cut)")
        }
        for bad: [UInt8] in [[0xE9, 0x20], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC3]] {
            var check = SourceText.UTF8Check()
            check.feed(Array("abcdefghij".utf8) + bad)
            #expect(!check.endsValid, "\(bad)")
            #expect((String(validating: Array("abcdefghij".utf8) + bad, as: UTF8.self) == nil), "the standard library agrees")
        }
    }

    @Test func utf16DecodedAcrossChunks() {
        let text = "Über 😀 naïve"
        var le: [UInt8] = []
        var be: [UInt8] = []
        for unit in text.utf16 {
            le += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            be += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
        for (encoding, bytes) in [(SourceText.Encoding.utf16LE, le), (.utf16BE, be)] {
            for cut in 0...bytes.count {
                var decoder = SourceText.ChunkDecoder(encoding)
                let out = decoder.decode(Array(bytes[..<cut])) + decoder.decode(Array(bytes[cut...])) + decoder.finish()
                #expect(String(decoding: out, as: UTF8.self) == text, "\(encoding) cut at \(cut)")
            }
        }
    }

    @Test func windows1252Decoded() {
        var decoder = SourceText.ChunkDecoder(.windows1252)
        #expect(String(decoding: decoder.decode([0x4A, 0x6F, 0x73, 0xE9, 0x20, 0x80, 0x93, 0x94]), as: UTF8.self) == "José €“”")
    }

    @Test func textFileWithAUTF16MarkIsDecoded() throws {
        var bytes: [UInt8] = [0xFE, 0xFF]
        for unit in "Titel\n\nÜber.".utf16 { bytes += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        let source = try SourceText.decode(bytes)
        #expect(source.text == "Titel\n\nÜber.")
        #expect(source.encoding == .utf16BE)
    }

    /// The stored content hash is FNV-1a 64 (its published test vectors).
    @Test func contentHashIsFNV1a() {
        #expect(ContentHash.of([UInt8]()) == Int64(bitPattern: 0xCBF2_9CE4_8422_2325))
        #expect(ContentHash.of(Array("a".utf8)) == Int64(bitPattern: 0xAF63_DC4C_8601_EC8C))
        #expect(ContentHash.of(Array("foobar".utf8)) == Int64(bitPattern: 0x8594_4171_F739_67E8))
    }
}
