// The facade's vocabulary: the value types of the modules below it (reports, records, scores,
// dates) are part of its API, so the CLI imports `Opine` alone.
@_exported import OpineIndex
@_exported import OpineRanking
@_exported import OpineText
