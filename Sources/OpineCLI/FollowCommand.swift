import ArgumentParser
import Foundation
import Opine

struct FollowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "follow",
        abstract: "Follow an RSS or Atom feed (an outlet's opinion section); `opine update` fetches it.",
        discussion: "Pages are kept in --into DIR, remembered per index; by default Corpus/ of the default index, else a folder beside the index (news-pages/ for news.sqlite); follow says which.\n\nExit codes: 0 done, 2 error, 64 usage error (no feed, an unknown option).")

    @OptionGroup var location: IndexOptions

    @Argument(help: ArgumentHelp("The feed's address.", valueName: "feed-url"))
    var feed: String?

    @Flag(help: "List the followed feeds.")
    var list = false

    @Option(help: ArgumentHelp("Stop following this feed.", valueName: "feed-url"))
    var remove: String?

    @Option(help: ArgumentHelp("Where to keep the pages (remembered for this index; default: Corpus/ of the default index, else a folder beside the index, news-pages/ for news.sqlite).", valueName: "dir"))
    var into: String?

    func validate() throws {
        guard feed != nil || list || remove != nil else { throw ValidationError("give a feed address, --list or --remove") }
    }

    func run() throws {
        let (engine, fallback) = try location.openForWriting()
        if let feed {
            try engine.follow(feed)
            let pages = try engine.pagesFolder(into, fallback: fallback)
            Output.line("following \(feed); `opine update` fetches it, keeping its pages in \(Paths.display(pages))")
        }
        if let remove {
            Output.line(try engine.unfollow(remove) ? "no longer following \(remove)" : "\(remove) was not followed")
        }
        if list { for f in try engine.followedFeeds() { Output.line(f) } }
    }
}

struct UpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Fetch every followed feed and add the op-eds it has not seen.",
        discussion: "Exit codes: 0 done, 2 error, 3 some feeds or pages failed (each named; failed items are retried next time), 64 usage error.")

    @OptionGroup var location: IndexOptions

    @Option(help: ArgumentHelp("Where to keep the pages (remembered for this index).", valueName: "dir"))
    var into: String?

    func run() throws {
        let (engine, fallback) = try location.openForWriting()
        let report = try Interruption.during { stop in try engine.update(into: into, fallback: fallback, stop: stop) }
        try FetchOutput.print(report, command: "update")
    }
}
