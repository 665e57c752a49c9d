import Foundation
import OpineText

/// The page's publication date (never its modification date): JSON-LD's `datePublished`, the
/// meta tags news sites use, a `<time>` that is not an update's, a visible date line near the
/// title, then a date in the URL. A date before 1800 or after the reader's latest date (a day
/// after its today) is some other field's, and the next source is asked.
extension PageMetadata {
    /// Earlier than this is not a web page's publication date (a birth date, a CMS's `0001`).
    static let earliestYear = 1800

    /// Meta tags of a publication date, in order of trust (Open Graph's, then Dublin Core's,
    /// then the ones Parse.ly, Sailthru, Google Scholar, cXense and newspaper CMSs write).
    static let publishedTags = [
        "article:published_time", "og:published_time", "og:article:published_time", "datepublished", "date_published",
        "publishdate", "publish-date", "publish_date", "published_time", "published-date", "pubdate", "date", "dc.date",
        "dc.date.issued", "dc.date.created", "dcterms.date", "dcterms.issued", "dcterms.created", "parsely-pub-date",
        "sailthru.date", "article.published", "article_date_original", "original-publish-date", "citation_publication_date",
        "citation_date", "cxenseparse:recs:publishtime", "datecreated", "release_date", "displaydate",
    ]

    static func date(ld: LinkedData?, meta: [String: String], tree: DOMTree, url: String, latest: ArticleDate?) -> ArticleDate? {
        func plausible(_ d: ArticleDate?) -> ArticleDate? {
            guard let d, d.year >= earliestYear, latest.map({ d <= $0 }) ?? true else { return nil }
            return d
        }
        let stated = [ld?.string("datePublished"), ld?.string("dateCreated")] + publishedTags.map { meta[$0] }
        for value in stated + [publishedTime(tree)] {
            guard let d = plausible(parsed(value)) else { continue }
            return isUniversalTime(value) ? localDate(d, tree: tree, url: url) : d
        }
        return plausible(visibleDate(tree)) ?? plausible(dateInPath(url))
    }

    /// A time stated in UTC (`…T01:53:14Z`, `+00:00`): evening in the Americas is the next day
    /// there, and the page's own date is the local one.
    static func isUniversalTime(_ value: String?) -> Bool {
        guard let value, value.contains("T") else { return false }
        return value.hasSuffix("Z") || value.hasSuffix("+00:00") || value.hasSuffix("+0000")
    }

    /// The day before a UTC date when the URL or the page's date line says so (an article
    /// posted at 8:19 PM on the 18th in New York is stamped 01:19 on the 19th in UTC).
    static func localDate(_ d: ArticleDate, tree: DOMTree, url: String) -> ArticleDate {
        guard let before = epochDate((daysSince1970(d) - 1) * 86_400) else { return d }
        if let inPath = dateInPath(url), inPath == before || inPath == d { return inPath }
        return visibleDate(tree) == before ? before : d
    }

    /// Days from 1970-01-01 to `d` (Howard Hinnant's `days_from_civil`).
    static func daysSince1970(_ d: ArticleDate) -> Int {
        let y = d.month <= 2 ? d.year - 1 : d.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (d.month > 2 ? d.month - 3 : d.month + 9) + 2) / 5 + d.day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// A stated date: ISO 8601 (`2025-09-20T09:00:00+05:00`, `20180619T055000+0900`), a date
    /// as printed (`Tue, 19 Nov 2019`, `2019/11/19`, `11/19/2019`: content systems write the
    /// month first unless a day above 12 says otherwise), or seconds (or milliseconds) since 1970.
    static func parsed(_ value: String?) -> ArticleDate? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let d = ArticleDate(iso: String(value.prefix(10))) { return d }
        if (value.count == 10 || value.count == 13), let seconds = Int(value.prefix(10)) { return epochDate(seconds) }
        // ISO 8601's basic form: `20180619T055000+0900`, `20180619`.
        let digits = value.prefix { $0.isASCII && $0.isNumber }
        if digits.count == 8, value.count == 8 || value.dropFirst(8).first == "T",
            let y = Int(digits.prefix(4)), let m = Int(digits.dropFirst(4).prefix(2)), let d = Int(digits.suffix(2))
        {
            return ArticleDate(year: y, month: m, day: d)
        }
        return DateFinder.find(in: value) ?? DateFinder.findNumeric(in: value, dayFirst: false)
    }

    /// The civil date (UTC) of `seconds` since 1970 (Howard Hinnant's `civil_from_days`).
    static func epochDate(_ seconds: Int) -> ArticleDate? {
        let z = seconds / 86_400 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return ArticleDate(year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    static let updateHints = ByteSearch.words(["update", "modif", "edited", "revised"])
    static let publishHints = ByteSearch.words(["publish", "pubdate", "posted", "created", "date-line", "dateline"])

    /// The `datetime` (or `content`) of the first `<time>` or `itemprop=datePublished` element
    /// marked as the publication's, else of the first `<time>` not marked as an update's; none
    /// in comments, sidebars or lists of other stories.
    static func publishedTime(_ tree: DOMTree) -> String? {
        var outside = OutsideArticle(tree)
        var unmarked: String?
        for (i, node) in tree.nodes.enumerated() where node.name == "time" || node.attribute("itemprop") != nil {
            let itemprop = node.attribute("itemprop")?.lowercased() ?? ""
            guard node.name == "time" || itemprop == "datepublished" || itemprop == "datecreated",
                let value = node.attribute("datetime") ?? node.attribute("content"), !outside.contains(i)
            else { continue }
            let hint = ByteSearch.lowercased((node.attribute("class") ?? "") + " " + itemprop + " " + (node.attribute("pubdate") != nil ? "pubdate" : ""))
            if ByteSearch.containsAny(hint, publishHints) { return value }
            if unmarked == nil && itemprop != "datemodified" && !ByteSearch.containsAny(hint, updateHints) { unmarked = value }
        }
        return unmarked
    }

    /// A date written in the path: `/2025/09/20/`, `/2019-11-19/`, or eight digits of their own
    /// (`…-responses-20191115/`).
    static func dateInPath(_ url: String) -> ArticleDate? {
        let parts = (URL(string: url)?.path ?? "").split(separator: "/")
        for i in parts.indices.dropLast(2) {
            guard parts[i].count == 4, let y = Int(parts[i]), let m = Int(parts[i + 1]), parts[i + 1].count == 2 else { continue }
            let dayPart = parts[i + 2].prefix(2)
            if let d = Int(dayPart), let date = ArticleDate(year: y, month: m, day: d) { return date }
        }
        for part in parts {
            if let date = ArticleDate(iso: String(part.prefix(10))) { return date }
            for run in part.split(whereSeparator: { !$0.isNumber }) where run.count == 8 {
                guard let y = Int(run.prefix(4)), let m = Int(run.dropFirst(4).prefix(2)), let d = Int(run.suffix(2)) else { continue }
                if let date = ArticleDate(year: y, month: m, day: d) { return date }
            }
        }
        return nil
    }
}
