import Testing
@testable import AICarbon

@Suite("Published reference figures (aicarbon validate)")
struct ReferenceCaseTests {
    @Test("every published figure is reproduced within its rounding tolerance", arguments: ReferenceCases.all.map(\.id))
    func reproduces(_ id: String) throws {
        let c = try #require(ReferenceCases.all.first { $0.id == id })
        #expect(c.passes, "\(c.id): published \(c.published) \(c.unit), computed \(c.computed), error \(c.relativeError) > \(c.tolerance)")
    }

    @Test("every table row of REFERENCE-FIGURES.md is a case, with unique ids")
    func coverage() {
        let ids = ReferenceCases.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        // Strubell: 5 rows × (kWh, lb); Patterson: 10 rows × MWh + 15 emission figures; LLaMA: 6 rows × (MWh, t).
        #expect(ids.count == 10 + 25 + 12)
    }

    @Test("tolerances follow the printed digits: 552.1 t allows 0.05 t; 14.8 days allows 0.05 days")
    func tolerance() {
        #expect(abs(ReferenceCase.halfUnitRelative("552.1") - 0.05 / 552.1) < 1e-15)
        #expect(abs(ReferenceCase.halfUnitRelative("1,287") - 0.5 / 1287) < 1e-15)
        let gpt3 = ReferenceCases.all.first { $0.id == "patterson-gpt-3-co2e" }!
        #expect(abs(gpt3.tolerance - 0.05 / 14.8) < 1e-15)
    }

    @Test("a wrong computation fails its case")
    func detectsError() {
        var c = ReferenceCases.all.first { $0.id == "patterson-gpt-3-co2e" }!
        c.computed *= 1.01
        #expect(!c.passes)
        #expect(!ValidationReport(cases: [c]).allPass)
    }
}
