import Testing
@testable import OpineSources

/// References libxml2 leaves in text (JSON-LD strings, attributes escaped twice), decoded once
/// and only where they are references.
struct HTMLEntitiesTests {
    @Test(arguments: [
        ("Arnault&#8217;s", "Arnault’s"), ("Olive &#038; Herb", "Olive & Herb"), ("Lindsey O&#039;Donnell", "Lindsey O'Donnell"),
        ("&#x2019;tis", "’tis"), ("&amp;#8217;", "’"), ("caf&eacute; &hellip;", "café …"), ("£&pound;", "££"),
        ("AT&T", "AT&T"), ("fish & chips", "fish & chips"), ("&unknown;", "&unknown;"), ("&#0;", "&#0;"),
        ("&#99999999999;", "&#99999999999;"), ("&", "&"), ("&;", "&;"), ("&#xD800;", "&#xD800;"), ("plain", "plain"),
    ] as [(String, String)])
    func decodes(_ raw: String, _ text: String) {
        #expect(HTMLEntities.decoded(raw) == text)
    }
}
