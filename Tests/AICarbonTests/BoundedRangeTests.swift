import Foundation
import Testing
@testable import AICarbon

/// Issue 15: `a to b` for an input with a physical bound (PUE ≥ 1, utilizations in (0, 1]) is read as a
/// lognormal truncated at the bound whose own 5th and 95th percentiles are a and b, instead of refused.
@Suite("a to b near a physical bound")
struct BoundedRangeTests {
    static let pue = NumericField("pue", .dimensionless, .atLeastOne)
    static let mfu = NumericField("mfu", .dimensionless, .unitInterval)
    static let share = NumericField("pue_decline", .dimensionless, .share)

    @Test("the 5th and 95th percentiles are a and b exactly (1e-9), and nothing falls outside the range",
          arguments: [("1.1 to 1.3", pue), ("1.01 to 1.5", pue), ("1.05 to 1.6", pue), ("1.02 to 1.1", pue),
                      ("0.3 to 0.9", mfu), ("0.5 to 0.95", mfu), ("0.1 to 0.95", mfu), ("0.2 to 0.9", share)])
    func exactPercentiles(_ text: String, _ field: NumericField) throws {
        let d = try DistributionParser.parse(text, field: field)
        let parts = text.components(separatedBy: " to ").compactMap(Double.init)
        #expect(abs(d.quantile(0.05) - parts[0]) <= 1e-9 * parts[0], "\(d)")
        #expect(abs(d.quantile(0.95) - parts[1]) <= 1e-9 * parts[1], "\(d)")
        #expect(field.domain.admits(d), "\(d)")
        for u in [1e-12, 1e-6, 0.5, 1 - 1e-6, 1 - 1e-12] { #expect(field.domain.contains(d.quantile(u)), "\(u): \(d.quantile(u))") }
        if case .truncated(.lognormal, _, _) = d {} else { Issue.record("\(text) is \(d), not a truncated lognormal") }
    }

    @Test("a range the plain lognormal keeps inside the bound is the plain lognormal, as before")
    func unchangedInside() throws {
        #expect(try DistributionParser.parse("0.3 to 0.5", field: Self.mfu) == .clipped(.lognormal(p05: 0.3, p95: 0.5), lower: 0, upper: 1))
        #expect(try DistributionParser.parse("1.5 to 2", field: Self.pue) == .clipped(.lognormal(p05: 1.5, p95: 2), lower: 1, upper: .infinity))
        // An explicit lognormal is taken at its word: still an error suggesting truncated(…).
        #expect(throws: InputError.self) { try DistributionParser.parse("lognormal(p05 = 1.1, p95 = 1.3)", field: Self.pue) }
    }

    static func pueEstimate(_ pue: Distribution) throws -> OutputSummary {
        var spec = EstimateSpec()
        spec[.chipHours] = .fixed(1000)
        spec[.powerW] = .fixed(1000)
        spec[.pue] = pue
        spec.grid = .intensity(.fixed(0.4))
        let report = try Estimate.run(spec, catalog: Catalog.bundled(), settings: SimulationSettings(samples: 200_000, seed: 15, threads: 2))
        return try #require(report.summary(.energyKWh))
    }

    @Test("sampled: --pue \"1.1 to 1.3\" gives energy whose p05 and p95 are IT energy × 1.1 and × 1.3 within Monte Carlo error")
    func sampledPUE() throws {
        // 1,000 chip-hours at 1 kW: 1,000 kWh of IT energy, so energy / 1,000 is the sampled PUE.
        let energy = try Self.pueEstimate(DistributionParser.parse("1.1 to 1.3", field: Self.pue))
        for (p, target) in [(5.0, 1.1), (95.0, 1.3)] {
            let q = try #require(energy.percentiles.first { $0.percent == p })
            #expect(abs(q.value / 1000 - target) <= 4 * q.standardError / 1000, "p\(p) \(q.value / 1000) ± \(q.standardError / 1000)")
        }
        #expect(energy.min >= 1000)
    }

    @Test("sampled: --mfu \"0.3 to 0.9\" gives an MFU whose p05 and p95 are 0.3 and 0.9 within Monte Carlo error")
    func sampledMFU() throws {
        func energy(_ mfu: Distribution) throws -> OutputSummary {
            var spec = EstimateSpec()
            spec.hardware = "H100 SXM"
            spec.parameters = .fixed(7e9)
            spec[.tokens] = .fixed(1e12)
            spec[.mfu] = mfu
            spec[.powerW] = .fixed(1000)
            spec[.pue] = .fixed(1.1)
            spec.grid = .intensity(.fixed(0.4))
            let report = try Estimate.run(spec, catalog: Catalog.bundled(), settings: SimulationSettings(samples: 200_000, seed: 15, threads: 2))
            return try #require(report.summary(.energyKWh))
        }
        // Energy is proportional to 1 / MFU: MFU = energy at MFU 1 / energy, so its p05 is the energy's p95.
        let atOne = try energy(.fixed(1)).mean
        let sampled = try energy(DistributionParser.parse("0.3 to 0.9", field: Self.mfu))
        for (p, target) in [(95.0, 0.3), (5.0, 0.9)] {
            let q = try #require(sampled.percentiles.first { $0.percent == p })
            let mfu = atOne / q.value, se = atOne * q.standardError / (q.value * q.value)
            #expect(abs(mfu - target) <= 4 * se, "mfu \(mfu) ± \(se) for \(target)")
        }
    }

    @Test("ranges no truncated lognormal can have are refused with distributions that work, in numbers",
          arguments: [
              ("1.001 to 1.3", pue, "write pert(1, 1.001, 1.3) or uniform(1.001, 1.3)"),
              ("1 to 1.3", pue, "write uniform(1, 1.3) or pert(1, 1.15, 1.3)"),
              ("0.9 to 1.3", pue, "write uniform(1, 1.3) or pert(1, 1.15, 1.3)"),
              ("0.5 to 0.9", pue, "such as 1.1 to 1.3"),
              ("0.2 to 0.999", mfu, "write pert(0.2, 0.999, 1) or uniform(0.2, 0.999)"),
              ("0.5 to 1", mfu, "write uniform(0.5, 1) or pert(0.5, 0.75, 1)"),
              ("0.5 to 1.2", mfu, "write uniform(0.5, 1) or pert(0.5, 0.75, 1)"),
          ])
    func refused(_ text: String, _ field: NumericField, _ alternative: String) throws {
        do {
            let d = try DistributionParser.parse(text, field: field)
            Issue.record("\(text) was accepted as \(d)")
        } catch {
            #expect(error.expected.contains(alternative), "\(error)")
            #expect(!error.expected.contains("lower, upper") && !error.expected.contains("…"), "\(error)")
            // Each suggestion parses for the same input.
            for suggestion in error.expected.components(separatedBy: "write ").dropFirst().first?.components(separatedBy: " or ") ?? [] {
                #expect((try? DistributionParser.parse(suggestion, field: field)) != nil, "\(suggestion)")
            }
        }
    }
}
