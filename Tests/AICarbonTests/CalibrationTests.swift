import Testing
@testable import AICarbon

@Suite("Calibrated default priors")
struct CalibrationTests {
    @Test("published energies fall inside the 90% interval given only FLOPs or params+tokens, hardware, chips and grid",
          arguments: CalibrationCase.all.map(\.model))
    func covered(_ model: String) throws {
        let c = try #require(CalibrationCase.all.first { $0.model == model })
        let report = try Estimate.run(c.spec, catalog: Catalog.bundled(),
                                      settings: SimulationSettings(samples: 40_000, seed: 1, method: .lhs, threads: 2))
        let s = try #require(report.summary(.energyKWh))
        let low = s.percentile(5)! / 1000, high = s.percentile(95)! / 1000
        print("calibration | \(c.model) | \(c.publishedMWh) | \(low) | \(s.percentile(50)! / 1000) | \(high)")
        if c.model == "OPT-175B" {
            // Known outlier, documented in the README: OPT's GPU-hours include restarts after hardware
            // failures (Zhang et al. 2022 logbook), so its energy per FLOP is above the A100 prior.
            #expect(c.publishedMWh > high)
        } else {
            #expect(low <= c.publishedMWh && c.publishedMWh <= high, "\(c.model): \(c.publishedMWh) MWh not in [\(low), \(high)]")
        }
    }
}
