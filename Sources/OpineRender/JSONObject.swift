/// A minimal JSON writer with a stable key order (one object per line for JSON Lines).
public struct JSONObject {
    public init() {}

    private var fields: [String] = []

    public mutating func add(_ key: String, _ value: String?) { fields.append(JSONObject.string(key) + ":" + (value.map(JSONObject.string) ?? "null")) }
    public mutating func add(_ key: String, _ value: Int) { fields.append(JSONObject.string(key) + ":" + String(value)) }
    public mutating func add(_ key: String, _ value: Int64) { fields.append(JSONObject.string(key) + ":" + String(value)) }
    public mutating func add(_ key: String, _ value: Bool) { fields.append(JSONObject.string(key) + ":" + (value ? "true" : "false")) }
    public mutating func add(_ key: String, _ value: Double) {
        fields.append(JSONObject.string(key) + ":" + (value.isFinite ? String(value) : "null"))
    }
    public mutating func add(_ key: String, strings: [String]) {
        fields.append(JSONObject.string(key) + ":[" + strings.map(JSONObject.string).joined(separator: ",") + "]")
    }
    public mutating func add(_ key: String, raw: String) { fields.append(JSONObject.string(key) + ":" + raw) }

    public var text: String { "{" + fields.joined(separator: ",") + "}" }

    public static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension JSONObject {
    /// A byte range as `[start,end]`.
    public static func range(_ range: Range<Int>) -> String { "[\(range.lowerBound),\(range.upperBound)]" }

    /// Byte ranges as `[[start,end],…]`.
    public static func ranges(_ ranges: [Range<Int>]) -> String { "[" + ranges.map(range).joined(separator: ",") + "]" }
}
