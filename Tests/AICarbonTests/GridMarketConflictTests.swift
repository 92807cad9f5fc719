import Foundation
import Testing
@testable import AICarbon

/// `grid_market` and `grid_market_points` are two ways of giving the market-based grid: both together were
/// blamed on `grid_market` as a key the projection does not use.
@Suite("grid_market with grid_market_points")
struct GridMarketConflictTests {
    static let projection = """
        kind: projection
        start_year: 2024
        end_year: 2030
        base_electricity: 415 TWh
        ai_share: 0.2
        ai_growth: 1.2
        conventional_growth: 1.05
        grid_market_points: {2024: 0.3 kg/kWh, 2030: 0.1 kg/kWh}

        """

    func resolveError(_ text: String, overrides: [(key: String, value: String)]) throws -> InputError {
        guard case .projection(let p) = try ScenarioFile.parseDocument(text, path: "m.yaml", overrides: overrides) else {
            throw InputError(field: "test", expected: "a projection", found: "an estimate")
        }
        return try #require(throws: InputError.self) { try p.spec.resolve(catalog: Catalog.bundled(), targetYears: p.targetYears) }
    }

    @Test("both by --set: a conflict naming both keys and where each was given")
    func bothSet() throws {
        let base = Self.projection.replacingOccurrences(of: "grid_market_points: {2024: 0.3 kg/kWh, 2030: 0.1 kg/kWh}\n", with: "")
        let error = try resolveError(base, overrides: [("grid_market_points", "{2024: 0.3 kg/kWh}"), ("grid_market", "0.2 kg/kWh")])
        #expect(error.description == "--set: grid_market: expected one of grid_market and grid_market_points, not both, "
                + "found both: grid_market at --set and grid_market_points at --set", "\(error)")
    }

    @Test("one in the file, one by --set: each named at its place")
    func fileAndSet() throws {
        let error = try resolveError(Self.projection, overrides: [("grid_market", "0.2 kg/kWh")])
        #expect(error.field == "grid_market" && error.location?.description == "--set", "\(error)")
        #expect(error.found == "both: grid_market at --set and grid_market_points at m.yaml:8:21", "\(error)")
    }

    @Test("either alone still runs")
    func eitherAlone() throws {
        guard case .projection(let p) = try ScenarioFile.parseDocument(Self.projection, path: "m.yaml") else {
            Issue.record("not a projection"); return
        }
        #expect(try p.spec.resolve(catalog: Catalog.bundled()).outputs.contains(.co2eMarketKg))
    }
}
