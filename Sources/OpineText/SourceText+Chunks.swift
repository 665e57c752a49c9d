extension SourceText {
    /// Whether bytes fed a chunk at a time are UTF-8, a sequence split between two chunks
    /// included: how a dataset export of any size is told from a Windows-1252 one without
    /// holding it.
    public struct UTF8Check: Sendable {
        /// Continuation bytes still wanted by the current sequence.
        private var wanted = 0
        /// The range the next continuation byte must be in (narrower after E0, ED, F0, F4: no
        /// overlong forms, no surrogates, nothing above U+10FFFF).
        private var low: UInt8 = 0x80
        private var high: UInt8 = 0xBF
        public private(set) var isValid = true

        public init() {}

        public mutating func feed(_ bytes: [UInt8]) {
            guard isValid else { return }
            bytes.withUnsafeBytes { raw in
                var i = 0
                while i < raw.count {
                    if wanted == 0 && i + 8 <= raw.count
                        && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                    {
                        i += 8
                        continue
                    }
                    guard step(raw[i]) else { return }
                    i += 1
                }
            }
        }

        /// True when the bytes fed were UTF-8 and did not stop inside a sequence.
        public var endsValid: Bool { isValid && wanted == 0 }

        private mutating func step(_ b: UInt8) -> Bool {
            if wanted > 0 {
                guard b >= low && b <= high else { return fail() }
                wanted -= 1
                (low, high) = (0x80, 0xBF)
                return true
            }
            switch b {
            case 0x00...0x7F: return true
            case 0xC2...0xDF: wanted = 1
            case 0xE0: (wanted, low) = (2, 0xA0)
            case 0xED: (wanted, high) = (2, 0x9F)
            case 0xE1...0xEF: wanted = 2
            case 0xF0: (wanted, low) = (3, 0x90)
            case 0xF4: (wanted, high) = (3, 0x8F)
            case 0xF1...0xF3: wanted = 3
            default: return fail()
            }
            return true
        }

        private mutating func fail() -> Bool {
            isValid = false
            return false
        }
    }

    /// Bytes of an encoding to UTF-8, a chunk at a time (a UTF-16 unit or surrogate pair split
    /// between chunks is kept for the next). Invalid input becomes U+FFFD.
    public struct ChunkDecoder: Sendable {
        public let encoding: Encoding
        private var oddByte: UInt8?
        private var highSurrogate: UInt16?

        public init(_ encoding: Encoding) { self.encoding = encoding }

        /// The UTF-8 of `bytes` (for UTF-8, `bytes` themselves).
        public mutating func decode(_ bytes: [UInt8]) -> [UInt8] {
            switch encoding {
            case .utf8: return bytes
            case .windows1252:
                var out: [UInt8] = []
                out.reserveCapacity(bytes.count + bytes.count / 8)
                for b in bytes {
                    if b < 0x80 { out.append(b) } else { append(SourceText.windows1252(b), to: &out) }
                }
                return out
            case .utf16LE, .utf16BE:
                var out: [UInt8] = []
                out.reserveCapacity(bytes.count)
                for b in bytes {
                    guard let first = oddByte else {
                        oddByte = b
                        continue
                    }
                    oddByte = nil
                    let unit = encoding == .utf16LE ? UInt16(first) | UInt16(b) << 8 : UInt16(first) << 8 | UInt16(b)
                    unit16(unit, to: &out)
                }
                return out
            }
        }

        /// What a last, incomplete unit leaves: U+FFFD, or nothing.
        public mutating func finish() -> [UInt8] {
            var out: [UInt8] = []
            if highSurrogate != nil || oddByte != nil { append("\u{FFFD}", to: &out) }
            highSurrogate = nil
            oddByte = nil
            return out
        }

        private mutating func unit16(_ unit: UInt16, to out: inout [UInt8]) {
            if let high = highSurrogate {
                highSurrogate = nil
                if (0xDC00...0xDFFF).contains(unit) {
                    let value = 0x10000 + (UInt32(high - 0xD800) << 10 | UInt32(unit - 0xDC00))
                    append(Unicode.Scalar(value) ?? "\u{FFFD}", to: &out)
                    return
                }
                append("\u{FFFD}", to: &out)
            }
            if (0xD800...0xDBFF).contains(unit) {
                highSurrogate = unit
            } else {
                append(Unicode.Scalar(UInt32(unit)) ?? "\u{FFFD}", to: &out)
            }
        }

        private func append(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
            UTF8.encode(scalar) { out.append($0) }
        }
    }
}
