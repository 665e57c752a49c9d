/// What became of an item a followed feed listed. Raw values are stored (`feed_items.state`):
/// never rename.
public enum FeedItemState: String, Sendable, CaseIterable {
    /// Its page was fetched and saved (indexed, or to be indexed by the next run).
    case added
    /// Its page could not be fetched or read; every `opine update` tries it again.
    case failed
}
