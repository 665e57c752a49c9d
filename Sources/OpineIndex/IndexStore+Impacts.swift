import Foundation
import OpineRanking

extension IndexStore {
    /// Notes the impacts of the article just inserted (``ImpactRecorder``): its length is its
    /// layout's, the positions a search's evidence measures it by; its tallies are the ones the
    /// tokenizer took of its non-empty columns, in column order.
    func noteImpacts(article id: Int64, layout: Data, headFirst: Bool) {
        var passages: [ArticleLayout.Passage] = []
        layout.withUnsafeBytes { ArticleLayout.decode($0, into: &passages) }
        let length = passages.reduce(0) { $0 + Int($1.length) }
        let tallies = recorder.columnTallies
        let head = headFirst ? tallies.first ?? [] : []
        let body = headFirst ? (tallies.count > 1 ? tallies[1] : []) : (tallies.first ?? [])
        recorder.impacts.note(article: id, length: length, head: head, body: body)
    }
}
