import Foundation
import Testing
@testable import AICarbon

/// Review of issue 15: overflows whose message named no input.
@Suite("Overflow causes name the given inputs")
struct OverflowCauseTests {
    @Test("a fixed --flops 1e308 and an mfu that reaches 0 are named", arguments: [
        ("flops", "1e308", "the inputs that can cause it: `flops` = 1e+308 FLOP"),
        ("mfu", "beta(1e-300, 1e-300)", "the inputs that can cause it: `mfu` reaching 0"),
    ])
    func named(_ key: String, _ value: String, _ found: String) throws {
        var spec = EstimateSpec()
        spec.hardware = "h100"
        spec[.chips] = .fixed(8)
        if key == "flops" {
            spec[.flops] = .fixed(1e308)
            spec[.mfu] = .fixed(0.4)
        } else {
            spec.parameters = .fixed(1e12)
            spec[.tokens] = .fixed(1e12)
            spec[.mfu] = try DistributionParser.parse(value, field: InputSlot.mfu.field(named: "mfu"))
        }
        do {
            _ = try Estimate.run(spec, catalog: Catalog.bundled(), settings: SimulationSettings(samples: 2_000, seed: 1, threads: 1))
            Issue.record("no overflow")
        } catch {
            #expect(error.isOverflow && error.found.hasSuffix(found), "\(error)")
        }
    }

    @Test("a grid given as an intensity is named with its unit (it is the spec's grid choice, not a slot; a review find)")
    func grid() throws {
        var spec = EstimateSpec()
        spec[.chipHours] = .fixed(1000)
        spec[.powerW] = .fixed(300)
        spec.grid = .intensity(.fixed(1e305))
        do {
            _ = try Estimate.run(spec, catalog: Catalog.bundled(), settings: SimulationSettings(samples: 2_000, seed: 1, threads: 1))
            Issue.record("no overflow")
        } catch {
            #expect(error.isOverflow && error.found.hasSuffix("the inputs that can cause it: `grid` = 1e+305 kg/kWh"), "\(error)")
        }
    }

    @Test("chip-hours are named with their unit, chip-h, fixed or sampled (a fuzzing find: --chip-hours = 1e+300 had no unit)", arguments: [
        ("1e+300", "the inputs that can cause it: `chip_hours` = 1e+300 chip-h"),
        ("uniform(1, 1e300)", "the inputs that can cause it: `chip_hours` reaching 9.99999e+299 chip-h"),
    ])
    func chipHours(_ value: String, _ found: String) throws {
        var spec = EstimateSpec()
        spec.hardware = "h100"
        spec[.chipHours] = try DistributionParser.parse(value, field: InputSlot.chipHours.field(named: "chip_hours"))
        do {
            _ = try Estimate.run(spec, catalog: Catalog.bundled(), settings: SimulationSettings(samples: 2_000, seed: 1, threads: 1))
            Issue.record("no overflow")
        } catch {
            #expect(error.isOverflow && error.found.hasSuffix(found), "\(error)")
        }
    }

    @Test("total parameters (params, not a slot of the spec) are named (they gave \"check growth factors, years and input magnitudes\")")
    func parameters() throws {
        var spec = EstimateSpec()
        spec.hardware = "h100"
        spec[.chips] = .fixed(1)
        spec.parameters = .fixed(1e300)
        spec[.tokens] = .fixed(1)
        do {
            _ = try Estimate.run(spec, catalog: Catalog.bundled(), settings: SimulationSettings(samples: 2_000, seed: 1, threads: 1))
            Issue.record("no overflow")
        } catch {
            #expect(error.isOverflow && error.found.hasSuffix("the inputs that can cause it: `params` = 1e+300"), "\(error)")
        }
    }
}
