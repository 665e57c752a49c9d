import Foundation
import OpineFetch
import OpineIndex
import OpineSources
import OpineText

/// Pages by URL and followed feeds: fetched once, kept as files in the corpus folder (the
/// archive: re-indexing never needs the network), then indexed as any page.
extension Engine {
    /// What `add` and `update` did.
    public struct FetchReport: Sendable {
        /// Saved pages (paths).
        public var saved: [String] = []
        /// Addresses already in the index, not fetched again.
        public var known: [String] = []
        /// One line each, naming the address.
        public var failures: [String] = []
        /// Feed items that had failed before, tried again by this update, and how many of them
        /// were saved this time.
        public var retried = 0
        public var recovered = 0
        /// Stopped by a ``StopRequest``: `left` addresses (or feeds) not fetched, and the pages
        /// saved not indexed yet (the next `add`, `update` or `index` does it, fetching none twice).
        public var interrupted = false
        public var left = 0
        public var sync: SyncReport?
    }

    public static let userAgent = "Opine/\(Engine.version.split(separator: " ").first ?? "") (+https://github.com/opine; personal op-ed archive)"

    /// Fetches each page of `urls` not yet in the index (all of them with `refresh`), saves it
    /// in `folder` (remembered for this index), and indexes the folder.
    public func add(_ urls: [String], into folder: String?, fallback: String? = nil, refresh: Bool = false,
                    client: HTTPClient = HTTPClient(userAgent: Engine.userAgent), stop: StopRequest? = nil) throws -> FetchReport {
        let target = try archiveFolder(folder, fallback: fallback)
        var report = FetchReport()
        for (n, url) in urls.enumerated() {
            if stop?.isRequested == true {
                (report.interrupted, report.left) = (true, urls.count - n)
                break
            }
            fetchPage(url, into: target, refresh: refresh, client: client, report: &report)
        }
        try indexSaved(into: target, report: &report, stop: stop)
        return report
    }

    /// Indexes the archive folder when pages were saved, unless the run was asked to stop.
    func indexSaved(into folder: String, report: inout FetchReport, stop: StopRequest?) throws {
        if stop?.isRequested == true { report.interrupted = true }
        guard !report.saved.isEmpty, !report.interrupted else { return }
        report.sync = try index(roots: [folder], clock: { 0 }, stop: stop)
        if report.sync?.interrupted == true { report.interrupted = true }
    }

    /// The folder fetched pages are kept in, fixed now and remembered: `folder` when given,
    /// else the one remembered, else `fallback` (`opine follow` says where before any fetch).
    public func pagesFolder(_ folder: String?, fallback: String?) throws -> String {
        try archiveFolder(folder, fallback: fallback)
    }

    /// The folder remembered for fetched pages, if any.
    public func rememberedPagesFolder() throws -> String? { try store.archiveFolder() }

    /// The folder pages are saved in: the one given (remembered), else the remembered one, else
    /// `fallback` (the default index's `Corpus/`, a private index's folder beside it).
    func archiveFolder(_ given: String?, fallback: String?) throws -> String {
        let remembered = try store.archiveFolder()
        if let given = given ?? (remembered == nil ? fallback : nil) {
            try FileManager.default.createDirectory(atPath: given, withIntermediateDirectories: true)
            try store.setArchiveFolder(given)
        }
        guard let folder = try store.archiveFolder() else {
            throw EngineError.invalidParameter("no folder to keep fetched pages in: give one with --into DIR (it is remembered)")
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// One page: skipped when its address (or its canonical one) is indexed, else fetched,
    /// checked to be HTML and saved; a failure is one line.
    func fetchPage(_ url: String, into folder: String, refresh: Bool, client: HTTPClient, report: inout FetchReport) {
        do {
            if !refresh, try isIndexed(url) {
                report.known.append(url)
                return
            }
            if !refresh, let saved = try store.savedPath(url: url) {
                report.saved.append(saved)  // saved by a run that stopped before indexing it
                return
            }
            let response = try client.get(url)
            guard (200..<300).contains(response.status) else { throw HTTPClient.Failure(url: url, reason: "HTTP \(response.status)") }
            let type = response.header("Content-Type")?.lowercased() ?? ""
            guard type.contains("html") || (type.isEmpty && response.body.prefix(512).contains(0x3C)) else {
                throw HTTPClient.Failure(url: url, reason: "not a web page (\(type)), refused")
            }
            let article = try HTMLReader().document(response.body, path: "page.html").articles.first
            let canonical = article.map(\.url).flatMap { $0.isEmpty ? nil : $0 } ?? response.url
            if !refresh, canonical != url, try isIndexed(canonical) {
                report.known.append(url)
                return
            }
            let name = ArchiveName.free(ArchiveName.make(title: article?.title ?? "", date: article?.date, url: canonical), in: folder)
            let path = folder + "/" + name
            try Data(response.body).write(to: URL(fileURLWithPath: path), options: .atomic)
            try store.setSourceURL(canonical, forPath: path)
            report.saved.append(path)
        } catch let failure as HTTPClient.Failure {
            report.failures.append(failure.description)
        } catch let failure as SourceFailure {
            report.failures.append("\(url): \(failure.message)")
        } catch {
            report.failures.append("\(url): \(error)")
        }
    }

    func isIndexed(_ url: String) throws -> Bool { try store.snapshot { try $0.articleID(url: url) } != nil }

    // MARK: Feeds

    public func follow(_ feed: String) throws {
        guard let url = URL(string: feed), HTTPClient.isFetchable(url) else {
            throw EngineError.invalidParameter("only http and https feeds can be followed, not \(EngineError.quoted(feed))")
        }
        try store.follow(feed)
    }

    public func unfollow(_ feed: String) throws -> Bool { try store.unfollow(feed) }

    public func followedFeeds() throws -> [String] { try store.feeds().map(\.url) }

    /// Fetches every followed feed (conditionally) and adds the pages of items not seen yet;
    /// an item whose page failed is tried again on every update, whatever the feed answers (a
    /// 304 lists nothing, and an unchanged feed would otherwise never retry it).
    public func update(into folder: String?, fallback: String? = nil,
                       client: HTTPClient = HTTPClient(userAgent: Engine.userAgent), stop: StopRequest? = nil) throws -> FetchReport {
        let target = try archiveFolder(folder, fallback: fallback)
        var report = FetchReport()
        let feeds = try store.feeds()
        for (n, feed) in feeds.enumerated() {
            guard stop?.isRequested != true else {
                (report.interrupted, report.left) = (true, feeds.count - n)
                break
            }
            try update(feed, into: target, client: client, report: &report, stop: stop)
        }
        try indexSaved(into: target, report: &report, stop: stop)
        return report
    }

    /// One feed: its new items, then the items that failed before (those it listed again were
    /// just tried).
    func update(_ feed: IndexStore.FollowedFeed, into folder: String, client: HTTPClient, report: inout FetchReport,
                stop: StopRequest?) throws {
        let failedBefore = try store.failedFeedItems(of: feed.url)
        var tried = Set<String>()
        do {
            for link in try newItems(of: feed, client: client) where stop?.isRequested != true {
                tried.insert(link)
                try addItem(link, feed: feed.url, folder: folder, client: client, report: &report)
            }
        } catch let failure as HTTPClient.Failure {
            report.failures.append(failure.description)
        } catch let failure as SourceFailure {
            report.failures.append("\(feed.url): \(failure.message)")
        }
        for link in failedBefore where stop?.isRequested != true {
            if !tried.contains(link) { try addItem(link, feed: feed.url, folder: folder, client: client, report: &report) }
            report.retried += 1
            if try store.feedItemState(link) == .added { report.recovered += 1 }
        }
    }

    /// The item links of a feed's answer (none when it answers 304 Not Modified); its new
    /// validators are remembered.
    func newItems(of feed: IndexStore.FollowedFeed, client: HTTPClient) throws -> [String] {
        var headers: [String: String] = [:]
        if let etag = feed.etag { headers["If-None-Match"] = etag }
        if let modified = feed.lastModified { headers["If-Modified-Since"] = modified }
        let response = try client.get(feed.url, headers: headers)
        if response.status == 304 { return [] }
        guard (200..<300).contains(response.status) else { throw HTTPClient.Failure(url: feed.url, reason: "HTTP \(response.status)") }
        let items = try Feed.parse(response.body, base: response.url).items
        try store.setValidators(feed.url, etag: response.header("ETag"), lastModified: response.header("Last-Modified"))
        return items.map(\.link)
    }

    func addItem(_ link: String, feed: String, folder: String, client: HTTPClient, report: inout FetchReport) throws {
        if try store.feedItemState(link) == .added { return }
        let failures = report.failures.count
        fetchPage(link, into: folder, refresh: false, client: client, report: &report)
        try store.setFeedItem(link, feed: feed, state: report.failures.count == failures ? .added : .failed)
    }
}
