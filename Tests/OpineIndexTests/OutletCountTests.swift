import Testing
@testable import OpineIndex

/// `opine stats` counts an outlet once whatever its case, named as most of its articles write it.
struct OutletCountTests {
    @Test func outletsDifferingInCaseAreOne() {
        let merged = IndexStore.mergingCase([("Reuters", 763), ("dawn", 600), ("Dawn", 500), ("REUTERS", 14), ("Geo.tv", 3)])
        #expect(merged.map(\.name) == ["dawn", "Reuters", "Geo.tv"])
        #expect(merged.map(\.articles) == [1100, 777, 3])
    }
}
