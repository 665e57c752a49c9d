/// English function words (the Snowball English list).
///
/// Policy: stop words are always indexed, so phrases such as "the right side of history" match;
/// they are only left out of the ranking of prose queries (questions of more than a few words),
/// where "what", "are", "about" carry no topic and add noise (Benchmarks/ranking.md).
public enum StopWords {
    public static let english: Set<String> = [
        "i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "your", "yours", "yourself",
        "yourselves", "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself",
        "they", "them", "their", "theirs", "themselves", "what", "which", "who", "whom", "this", "that",
        "these", "those", "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had",
        "having", "do", "does", "did", "doing", "would", "should", "could", "ought", "a", "an", "the", "and",
        "but", "if", "or", "because", "as", "until", "while", "of", "at", "by", "for", "with", "about",
        "against", "between", "into", "through", "during", "before", "after", "above", "below", "to", "from",
        "up", "down", "in", "out", "on", "off", "over", "under", "again", "further", "then", "once", "here",
        "there", "when", "where", "why", "how", "all", "any", "both", "each", "few", "more", "most", "other",
        "some", "such", "no", "nor", "not", "only", "own", "same", "so", "than", "too", "very", "can",
        "will", "just", "also", "s", "t", "don", "now", "may", "might", "must", "shall",
    ]

    /// True when `word` (as typed) is a stop word; acronyms (`US`, `IT`, `WHO`) are not.
    public static func contains(_ word: String) -> Bool {
        if word.count >= 2 && word == word.uppercased() && word != word.lowercased() { return false }
        return english.contains(word.lowercased())
    }
}
