import OpineSources
import OpineText

/// A file made ready to write, off the writer's thread: read, hashed, parsed, and its FTS5
/// columns analyzed into ``TokenTape``s. The writer only decides what the content is to the
/// index (``ChangeSet/decide(path:hash:)``) and inserts.
struct PreparedFile: Sendable {
    /// An article's parse, ready to insert.
    struct Parsed: Sendable {
        var article: Article
        var encoding: String
        var warnings: [String]
        /// The FTS5 columns (passages joined by the separator; nil when empty) and their tapes.
        var head: String?
        var body: String?
        var tapes: [TokenTape]
        /// Words whose term is a stem, seen while analyzing (``LexiconRecorder``).
        var lexicon: [(word: String, term: String)]
    }

    enum Outcome: Sendable {
        /// Read; parsed unless the index already holds this content (a touch or a rename).
        case content(hash: Int64, parsed: Parsed?)
        /// The file could not be read or parsed: its reader's warnings, then why.
        case failed(warnings: [String], message: String)
    }

    var file: SourceFileInfo
    var outcome: Outcome

    /// Reads and prepares `file`. `knownHashes`: contents the index holds (not parsed: the
    /// writer moves or touches their article). `tokenizer`: the worker's own, or nil to leave
    /// the analysis to FTS5 at insert (the writer's fallback).
    static func prepare(_ file: SourceFileInfo, formats: ArticleFormats, knownHashes: Set<Int64>,
                        tokenizer: OpineTokenizer?) -> PreparedFile {
        do {
            guard file.size <= IndexStore.maximumFileBytes else {
                throw SourceFailure("larger than \(IndexStore.maximumFileBytes >> 20) MB, skipped")
            }
            let bytes = try IndexStore.readFile(file.path)
            let hash = SourceText.hash(bytes)
            if knownHashes.contains(hash) { return PreparedFile(file: file, outcome: .content(hash: hash, parsed: nil)) }
            let parsed = try parse(bytes, path: file.path, formats: formats, tokenizer: tokenizer)
            return PreparedFile(file: file, outcome: .content(hash: hash, parsed: parsed))
        } catch let failure as NoArticle {
            return PreparedFile(file: file, outcome: .failed(warnings: failure.warnings, message: "no article found, skipped"))
        } catch let failure as SourceFailure {
            return PreparedFile(file: file, outcome: .failed(warnings: [], message: failure.message))
        } catch {
            return PreparedFile(file: file, outcome: .failed(warnings: [], message: "cannot be read, skipped"))
        }
    }

    /// The article of `bytes`, its passages cleaned of the separator, its columns and their tapes.
    static func parse(_ bytes: [UInt8], path: String, formats: ArticleFormats, tokenizer: OpineTokenizer?) throws -> Parsed {
        guard let reader = formats.reader(for: path), reader.holds == .oneArticle else {
            throw SourceFailure("not a format Opine reads, skipped")
        }
        // A format of one article yields one (``FileContent/oneArticle``).
        var read: SourceRecord?
        let warnings = try reader.read(.bytes(bytes, path: path), settings: DatasetSettings()) { record in
            if read == nil { read = record }
        }.map(\.description)
        guard let read, var article = read.article else { throw NoArticle(warnings: warnings) }
        article.passages = IndexStore.withoutSeparators(article.passages)
        let (head, body) = IndexStore.columns(article.passages.map { ($0.kind, $0.text) })
        var tapes: [TokenTape] = []
        var lexicon: [(word: String, term: String)] = []
        if let tokenizer, let recorder = tokenizer.recorder {
            recorder.isArmed = true
            for column in [head, body] { if let column, !column.isEmpty { tapes.append(TokenTape.record(column, with: tokenizer)) } }
            recorder.isArmed = false
            lexicon = recorder.lexicon.pending
            recorder.lexicon.pending.removeAll(keepingCapacity: true)
        }
        return Parsed(article: article, encoding: read.encoding, warnings: warnings, head: head, body: body,
                      tapes: tapes, lexicon: lexicon)
    }
}

/// A document with no article, and what its reader said about it.
struct NoArticle: Error {
    var warnings: [String]
}
