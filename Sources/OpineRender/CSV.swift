import Foundation

/// Comma-separated values as RFC 4180 writes them: a field with a comma, a quote or a line
/// break is quoted, its quotes doubled.
public enum CSV {
    public static func row(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") }

    public static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
