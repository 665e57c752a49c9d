import OpineIndex
import OpineSources

// The facade's vocabulary from the index: the front ends name these through `Opine` alone and
// never see the store.

/// What one `opine index` run did.
public typealias SyncReport = OpineIndex.SyncReport
/// Figures about an index (`opine stats`).
public typealias IndexStats = OpineIndex.IndexStats
/// What `opine check` found.
public typealias CheckReport = OpineIndex.CheckReport
/// Everything that can go wrong in the index, said so that the user knows what to do.
public typealias IndexError = OpineIndex.IndexError
/// A request from another thread that an index run stop at the next file (Ctrl-C).
public typealias StopRequest = OpineIndex.StopRequest
/// The formats Opine reads.
public typealias ArticleFormats = OpineSources.ArticleFormats
/// How a dataset file's numeric dates are read: in the order its dates decide, or a named one.
public typealias DatasetDates = OpineSources.DatasetSettings.Dates
