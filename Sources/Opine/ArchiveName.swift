import Foundation
import OpineText

/// A readable file name for a fetched page: `2025-09-20-there-are-limits-to-bonhomie.html`.
/// Only `a–z`, `0–9` and `-`: a title can never name another folder or climb out of the
/// corpus folder.
enum ArchiveName {
    static let maximumSlug = 80

    static func make(title: String, date: ArticleDate?, url: String) -> String {
        var slug = slugged(title)
        if slug.isEmpty { slug = slugged(URL(string: url)?.lastPathComponent ?? "") }
        if slug.isEmpty { slug = "page" }
        return (date.map { $0.description + "-" } ?? "") + slug + ".html"
    }

    static func slugged(_ text: String) -> String {
        var out = ""
        var dash = false
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                if dash && !out.isEmpty { out += "-" }
                out.unicodeScalars.append(scalar)
                dash = false
            } else if scalar.properties.generalCategory != .nonspacingMark {
                dash = true
            }
            if out.count >= maximumSlug { break }
        }
        return out
    }

    /// `name` in `folder`, with `-2`, `-3`… before the extension when taken.
    static func free(_ name: String, in folder: String) -> String {
        let base = (name as NSString).deletingPathExtension
        var candidate = name
        var n = 2
        while FileManager.default.fileExists(atPath: folder + "/" + candidate) {
            candidate = "\(base)-\(n).html"
            n += 1
        }
        return candidate
    }
}
