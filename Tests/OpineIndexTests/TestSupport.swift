import Foundation

/// A fresh temporary folder per test, removed when the value is released.
final class TemporaryFolder {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "/opine-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let file = path + "/" + name
        try! FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try! text.write(toFile: file, atomically: false, encoding: .utf8)
        return file
    }
}

var monotonic: () -> Double { { 0 } }

enum TestPaths {
    /// The op-ed that ships in Corpus/, from this file's path.
    static let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Corpus/2025-09-20-there-are-limits-to-bonhomie.txt").path
}

@testable import OpineIndex
import OpineRanking

/// The snapshot's reads, each in a snapshot of its own (tests read one thing at a time).
extension IndexStore {
    func matchPassages(_ plan: MatchPlan, positions: Bool = true) throws -> [PassageEvidence] {
        try snapshot { try $0.evidence(.anyClause(plan), positions: positions) }
    }

    func passageStatistics() throws -> TableStatistics { try snapshot { try $0.passageStatistics() } }

    func articleIDs(matching plan: MatchPlan) throws -> Set<Int64> {
        try snapshot { try $0.articleIDs(.anyClause(plan)) }
    }

    func article(_ reference: String) throws -> (ArticleRecord, [PassageRecord])? {
        try snapshot { try $0.article(reference) }
    }
}

extension IndexStore {
    func articleIDs(titleMatching plan: MatchPlan) throws -> Set<Int64> {
        try snapshot { try $0.articleIDs(titleMatching: plan) }
    }
}
