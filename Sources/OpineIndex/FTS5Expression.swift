import OpineRanking

/// A ``MatchQuery`` written as an FTS5 MATCH expression: the one place that language is written.
///
/// Every string in an expression is a `"\u{1}…"` list of terms the query's analysis produced
/// (``OpineTokenizer/verbatimMarker``: the tokenizer passes them through unchanged); user text
/// never reaches it. Phrases are written left to right in the plan's numbering, so FTS5 numbers
/// them as the plan does.
enum FTS5Expression {
    static func render(_ query: MatchQuery) -> String {
        switch query {
        case .anyClause(let plan): clauses(plan).joined(separator: " OR ")
        case .everyClause(let plan): clauses(plan).joined(separator: " AND ")
        case .clause(let plan, let i): i < plan.clauseNodes.count ? node(plan.clauseNodes[i], plan) : quote([])
        case .phrase(let phrase): quote(phrase)
        case .atLeast(let plan, let n): atLeast(plan, n)
        case .inHead(let inner): "head : (" + render(inner) + ")"
        case .without(let inner, let excluded): "(" + render(inner) + ") NOT (" + render(.anyClause(excluded)) + ")"
        }
    }

    /// Any clause first, so that FTS5 numbers the plan's phrases as the plan does; then every
    /// combination of `n` clauses (their phrases numbered after the plan's, hits a reader of
    /// the plan's phrases leaves out). For the few clauses of a words-rule query: at most 6
    /// combinations of 4.
    static func atLeast(_ plan: MatchPlan, _ n: Int) -> String {
        let c = clauses(plan)
        guard n > 1 else { return c.joined(separator: " OR ") }
        guard n < c.count else { return c.joined(separator: " AND ") }
        var combinations: [[Int]] = [[]]
        for i in c.indices { combinations += combinations.filter { $0.count < n }.map { $0 + [i] } }
        let ands = combinations.filter { $0.count == n }.map { "(" + $0.map { c[$0] }.joined(separator: " AND ") + ")" }
        return "(" + c.joined(separator: " OR ") + ") AND (" + ands.joined(separator: " OR ") + ")"
    }

    /// Each clause's own expression.
    static func clauses(_ plan: MatchPlan) -> [String] { plan.clauseNodes.map { node($0, plan) } }

    static func node(_ node: MatchPlan.Node, _ plan: MatchPlan) -> String {
        switch node {
        case .phrase(let p):
            return p < plan.phrases.count ? quote(plan.phrases[p]) : quote([])
        case .anyOf(let nodes):
            return "(" + nodes.map { self.node($0, plan) }.joined(separator: " OR ") + ")"
        case .near(let phrases, let distance):
            let parts = phrases.map { $0 < plan.phrases.count ? quote(plan.phrases[$0]) : quote([]) }
            return "NEAR(" + parts.joined(separator: " ") + ", \(distance))"
        }
    }

    static func quote(_ phrase: MatchPlan.Phrase) -> String { quote(phrase.terms, prefix: phrase.isPrefix) }

    /// Terms as one FTS5 string, marked verbatim.
    static func quote(_ terms: [String], prefix: Bool = false) -> String {
        "\"\u{1}" + terms.joined(separator: " ") + "\"" + (prefix ? "*" : "")
    }
}
