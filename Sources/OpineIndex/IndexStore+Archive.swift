import Foundation
import GRDB

/// What the index remembers of the network: followed feeds (with their validators), the items
/// seen in them, the address each fetched page came from, and the folder pages are kept in.
extension IndexStore {
    public struct FollowedFeed: Sendable, Equatable {
        public var url: String
        public var etag: String?
        public var lastModified: String?
    }

    static let archiveTables = """
        CREATE TABLE IF NOT EXISTS feeds(url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT);
        CREATE TABLE IF NOT EXISTS feed_items(link TEXT PRIMARY KEY, feed TEXT NOT NULL, state TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS sources(path TEXT PRIMARY KEY, url TEXT NOT NULL);
        """

    public func follow(_ url: String) throws {
        try write { db in try db.execute(sql: "INSERT OR IGNORE INTO feeds(url) VALUES (?)", arguments: [url]) }
    }

    /// True when the feed was followed.
    public func unfollow(_ url: String) throws -> Bool {
        try write { db in
            try db.execute(sql: "DELETE FROM feeds WHERE url = ?", arguments: [url])
            return db.changesCount > 0
        }
    }

    public func feeds() throws -> [FollowedFeed] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT url, etag, last_modified FROM feeds ORDER BY url").map {
                FollowedFeed(url: $0[0], etag: $0[1], lastModified: $0[2])
            }
        }
    }

    public func setValidators(_ feed: String, etag: String?, lastModified: String?) throws {
        try write { db in
            try db.execute(sql: "UPDATE feeds SET etag = ?, last_modified = ? WHERE url = ?", arguments: [etag, lastModified, feed])
        }
    }

    /// What became of an item link seen in a feed; nil when new (or stored by no Opine we know).
    public func feedItemState(_ link: String) throws -> FeedItemState? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT state FROM feed_items WHERE link = ?", arguments: [link]).flatMap(FeedItemState.init)
        }
    }

    public func setFeedItem(_ link: String, feed: String, state: FeedItemState) throws {
        try write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO feed_items(link, feed, state) VALUES (?, ?, ?)",
                           arguments: [link, feed, state.rawValue])
        }
    }

    /// The items of `feed` whose page failed, oldest first: tried again whatever the feed answers.
    public func failedFeedItems(of feed: String) throws -> [String] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT link FROM feed_items WHERE feed = ? AND state = ? ORDER BY rowid",
                                arguments: [feed, FeedItemState.failed.rawValue])
        }
    }

    /// Remembers where the page saved at `path` was fetched from (its article's URL).
    public func setSourceURL(_ url: String, forPath path: String) throws {
        try write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO sources(path, url) VALUES (?, ?)",
                           arguments: [IndexStore.canonical(path), url])
        }
    }

    /// The file a page fetched from `url` was saved as, if it was (and is still there): a run
    /// killed between saving and indexing resumes from it, without fetching it twice.
    public func savedPath(url: String) throws -> String? {
        let path = try read { db in try String.fetchOne(db, sql: "SELECT path FROM sources WHERE url = ?", arguments: [url]) }
        return path.flatMap { FileManager.default.fileExists(atPath: $0) ? $0 : nil }
    }

    /// The folder fetched pages are kept in, remembered per index.
    public func archiveFolder() throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'archive_folder'") }
    }

    public func setArchiveFolder(_ folder: String) throws {
        try write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('archive_folder', ?)",
                           arguments: [IndexStore.canonical(folder)])
        }
    }

    /// The URL a fetched page's article was stored under.
    static func sourceURL(_ db: Database, path: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT url FROM sources WHERE path = ?", arguments: [path])
    }
}
