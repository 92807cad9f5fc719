import Foundation
import Testing
import AICarbon

/// The library example of README.md, run as written (paths relative to the repository).
@Suite("README library example")
struct ReadmeExampleTests {
    @Test("the README's library example runs and gives the documented figures")
    func example() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let catalog = try Catalog.bundled()

        var spec = EstimateSpec()
        spec.hardware = "H100 SXM"
        spec.parameters = .fixed(70e9)
        spec[.tokens] = .fixed(2e12)
        spec[.chips] = .fixed(1024)
        spec[.pue] = try DistributionParser.parse("triangular(1.1, 1.2, 1.6)", field: InputSlot.pue.field())
        spec.grid = .named("USA")
        let report = try Estimate.run(spec, catalog: catalog, settings: SimulationSettings(samples: 100_000, seed: 1))
        let co2e = try #require(report.summary(.co2eKg))
        #expect(co2e.percentile(5)! < co2e.percentile(50)! && co2e.percentile(50)! < co2e.percentile(95)!)
        #expect(report.assumptions.map(\.input).contains("mfu"))

        let path = root.appendingPathComponent("Scenarios/iea-base-2024-2035.yaml").path
        guard case .projection(let iea) = try ScenarioFile.loadDocument(path) else { Issue.record("not a projection"); return }
        let projection = try iea.run(catalog: catalog, settings: SimulationSettings(samples: 20_000, seed: 2025))
        #expect(abs(try #require(projection.summary(.energyKWh, year: 2030)?.percentile(50)) / 945e9 - 1) < 0.05)

        let gpt3 = ChipTimeTraining(chipHours: 10_000 * 14.8 * 24, power: ChipPower(measured: Power(watts: 330)), pue: 1.1)
        let tonnes = gpt3.emissions(at: try CarbonIntensity(parsing: "0.429 kg/kWh", field: "grid")).kilograms / 1000
        #expect(abs(tonnes - 553.142304) < 1e-6)
    }
}
