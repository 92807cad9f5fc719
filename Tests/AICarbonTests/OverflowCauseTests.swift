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

    /// The estimate's overflow for `inputs` (keys of ``InputSlot``, `params`, or `grid` as an intensity).
    static func overflow(_ inputs: [String: String], hardware: String? = nil) throws -> InputError? {
        var spec = EstimateSpec()
        spec.hardware = hardware
        for (key, text) in inputs {
            let slot = try #require(InputSlot(rawValue: key))
            let d = try DistributionParser.parse(text, field: slot.field(named: key))
            switch key {
            case "params": spec.parameters = d
            case "grid": spec.grid = .intensity(d)
            default: spec[slot] = d
            }
        }
        do {
            _ = try Estimate.run(spec, catalog: Catalog.bundled(), settings: SimulationSettings(samples: 2_000, seed: 1, threads: 1))
            return nil
        } catch {
            return error
        }
    }

    @Test("inputs none of which is extreme alone are named when together they overflow, fixed, at their medians or in the tails (it said \"check growth factors, years and input magnitudes\", which an estimate has none of, and named none)", arguments: [
        (["params": "1e90", "tokens": "1e95", "chips": "8", "mfu": "0.4"], "h100",
         "the inputs that can cause it: `tokens` = 1e+95, `params` = 1e+90"),
        (["chip_hours": "1e60", "power": "1e61 W", "grid": "1e62 kg/kWh"], nil,
         "the inputs that can cause it: `grid` = 1e+62 kg/kWh, `power` = 1e+61 W, `chip_hours` = 1e+60 chip-h"),
        (["params": "1e70 to 1e80", "tokens": "1e90", "chips": "8", "mfu": "0.4"], "h100",
         "the inputs that can cause it: `tokens` = 1e+90, `params` reaching 2.81439e+89"),
        // No one of them is enough: those farthest from 1, as many as it takes together.
        (["chip_hours": "1e89 to 1e91", "power": "1e90 W", "grid": "1e91 kg/kWh", "pue": "1e50"], nil,
         "the inputs that can cause it: `grid` = 1e+91 kg/kWh, `chip_hours` with median 1e+90 chip-h"),
    ])
    func together(_ inputs: [String: String], _ hardware: String?, _ found: String) throws {
        let error = try #require(try Self.overflow(inputs, hardware: hardware))
        #expect(error.isOverflow && error.found.hasSuffix(found), "\(error)")
        #expect(!error.found.contains("growth") && !error.found.contains("years"), "\(error)")
    }

    @Test("an estimate's overflow that names no input says so without a projection's growth factors and years")
    func fallback() {
        let error = InputError.overflow(output: "energy_kwh", causes: [], fallback: EstimateSpec.overflowFallback)
        #expect(error.isOverflow)
        #expect(error.found == "infinite or undefined values (it overflows); check the magnitudes of the inputs given for overflow")
        #expect(InputError.overflow(output: "co2e_kg in 2200", causes: []).found
                == "infinite or undefined values (it overflows); check growth factors, years and input magnitudes for overflow")
    }
}
