import AICarbon
import ArgumentParser
import Foundation
import Testing
@testable import AICarbonCLI

/// Parses `arguments` as `aicarbon estimate …` and runs it as `run()` does (2,000 samples unless
/// given; errors name the flags), returning the report.
func estimate(_ arguments: [String]) throws -> EstimateReport {
    let command = try EstimateCommand.parse(arguments + (arguments.contains("--samples") ? [] : ["--samples", "2000"]))
    return try FlagNames.run(days: command.days != nil) {
        try Estimate.run(command.spec(), catalog: Catalog.bundled(), settings: command.simulation.settings(),
                         percentiles: command.simulation.extraPercentiles())
    }
}

@Suite("aicarbon estimate")
struct EstimateCommandTests {
    @Test("GPT-3 contract example: co2e_kg is about 553,142 (Patterson's 552.1 t, days rounded)")
    func gpt3() throws {
        let report = try estimate(["--chips", "10000", "--days", "14.8", "--power", "330 W", "--pue", "1.10",
                                   "--grid", "0.429 kg/kWh", "--format", "json"])
        let co2e = try #require(report.value(.co2eKg))
        #expect(abs(co2e - 553_142.304) < 1e-3)
        #expect(abs(try #require(report.value(.energyKWh)) - 1_289_376) < 1e-3)
    }

    @Test("FLOP path reproduces GPT-3's 14.8 days on 10,000 V100 at MFU 0.1968")
    func gpt3FLOPs() throws {
        let report = try estimate(["--params", "175B", "--tokens", "300B", "--hardware", "v100", "--chips", "10000",
                                   "--mfu", "0.1968", "--power", "330 W", "--pue", "1.1", "--grid", "0.429 kg/kWh"])
        let days = try #require(report.value(.wallClockHours)) / 24
        #expect(abs(days - 14.82) < 0.01, "\(days)")
        #expect(report.value(.trainingFLOPs) == 3.15e23)
    }

    @Test("LLaMA-65B from GPU-hours alone: 449.8 MWh and 173 t")
    func llama() throws {
        let report = try estimate(["--chip-hours", "1,022,362", "--power", "400 W", "--pue", "1.1", "--grid", "0.385 kg/kWh"])
        #expect(abs(try #require(report.value(.energyKWh)) - 449_839.28) < 1e-3)
        #expect((try #require(report.value(.co2eKg)) / 1000).rounded() == 173)
    }

    @Test("defaults are applied and listed as assumptions")
    func assumptions() throws {
        let report = try estimate(["--params", "70B", "--tokens", "2T", "--hardware", "h100", "--chips", "1024"])
        let listed = Set(report.assumptions.map(\.input))
        #expect(listed.isSuperset(of: ["mfu", "power_utilization", "host_overhead", "pue", "grid", "lifetime", "wue"]))
        let json = report.rendered(.json)
        #expect(json.contains("\"assumptions\""))
        #expect(json.contains("\"p95\""))
    }

    @Test("inference: top-down share 0.8 makes inference four times training")
    func inferenceShare() throws {
        let report = try estimate(["--chip-hours", "1000", "--power", "400", "--inference-share", "0.8", "--grid", "FRA"])
        let training = try #require(report.value(.trainingEnergyKWh))
        #expect(abs(try #require(report.value(.inferenceEnergyKWh)) - 4 * training) < 1e-9)
    }

    @Test("inference: per-query energy over a number of queries")
    func inferencePerQuery() throws {
        let report = try estimate(["--chip-hours", "1000", "--power", "400", "--queries", "1B", "--energy-per-query", "0.24 Wh"])
        #expect(abs(try #require(report.value(.inferenceEnergyKWh)) - 240_000) < 1e-6)
    }

    @Test("every numeric flag accepts a distribution; JSON gains sd and mcse")
    func distributions() throws {
        let report = try estimate(["--chip-hours", "1,000,000", "--power", "300 to 400 W", "--pue", "triangular(1.1, 1.2, 1.6)",
                                   "--grid", "0.25 to 0.55 kg/kWh", "--samples", "20000"])
        let co2e = try #require(report.summary(.co2eKg))
        #expect(co2e.sd > 0 && co2e.mcse > 0)
        #expect(co2e.percentile(5)! < co2e.percentile(50)! && co2e.percentile(50)! < co2e.percentile(95)!)
        // Median of a product of independent inputs is not the product of medians, but close here.
        let json = report.rendered(.json)
        for key in ["\"samples\"", "\"seed\"", "\"method\"", "\"sd\"", "\"mcse\"", "\"p05\"", "\"p95\""] {
            #expect(json.contains(key), "\(key)")
        }
    }

    @Test("a correlation-free run reports the requested extra percentiles")
    func extraPercentiles() throws {
        let report = try estimate(["--chip-hours", "1000", "--power", "uniform(300, 400)", "--percentiles", "1,99"])
        let s = try #require(report.summary(.energyKWh))
        #expect(s.percentile(1) != nil && s.percentile(99) != nil)
        // uniform(300, 400) W × 1000 chip-h × PUE prior: p1 above 300 kWh × 1.05.
        #expect(s.percentile(1)! > 300 * 1.05)
    }

    @Test("without inference, training energy is total energy and inference is 0; with it, both are sampled")
    func derivedOutputs() throws {
        let plain = try estimate(["--params", "7B", "--tokens", "1T", "--hardware", "h100", "--samples", "5000"])
        let total = try #require(plain.summary(.energyKWh)), training = try #require(plain.summary(.trainingEnergyKWh))
        #expect(total.percentiles == training.percentiles && total.mean == training.mean && total.mcse == training.mcse)
        #expect(plain.summary(.inferenceEnergyKWh)?.max == 0)
        #expect(plain.summary(.trainingFLOPs)?.mean == 4.2e22)
        let served = try estimate(["--params", "7B", "--tokens", "1T", "--hardware", "h100", "--queries", "1B",
                                   "--energy-per-query", "0.1 to 1 Wh", "--samples", "5000"])
        let s = try #require(served.summary(.energyKWh)), t = try #require(served.summary(.trainingEnergyKWh))
        #expect(s.percentile(50)! > t.percentile(50)!)
        #expect(try #require(served.summary(.inferenceEnergyKWh)).sd > 0)
        // --until on a derived output follows its source.
        let until = try estimate(["--params", "7B", "--tokens", "1T", "--hardware", "h100", "--samples", "2000",
                                  "--until", "p50:5%@training_energy_kwh"])
        #expect(until.sampleCount >= 2000)
    }

    static let badInputs: [(String, [String], String)] = [
        ("unknown hardware", ["--hardware", "H1000", "--chips", "8", "--hours", "10"], "--hardware"),
        ("unknown region", ["--chip-hours", "10", "--power", "300", "--grid", "Atlantis"], "--grid"),
        ("negative PUE", ["--chip-hours", "10", "--power", "300", "--pue", "-1"], "--pue"),
        ("negative power", ["--chip-hours", "10", "--power", "-300 W"], "--power"),
        ("non-numeric chips", ["--chips", "many", "--hours", "10", "--power", "300"], "--chips"),
        ("nan", ["--chip-hours", "10", "--power", "300", "--pue", "nan"], "--pue"),
        ("inf", ["--chip-hours", "10", "--power", "inf"], "--power"),
        ("fractional chip count", ["--chips", "2.5", "--hours", "10", "--power", "300"], "--chips"),
        ("PUE below 1", ["--chip-hours", "10", "--power", "300", "--pue", "0.9"], "--pue"),
        ("unit that does not fit", ["--chip-hours", "10", "--power", "300 parsecs"], "--power"),
        ("two durations", ["--chips", "8", "--hours", "10", "--days", "1", "--power", "300"], "--days"),
        ("hours and chip-hours", ["--chips", "8", "--hours", "10", "--chip-hours", "80", "--power", "300"], "--chip-hours"),
        ("duration and FLOPs", ["--chips", "8", "--days", "1", "--params", "7B", "--tokens", "1T", "--hardware", "h100"], "--params"),
        ("no duration", ["--chips", "8", "--power", "300"], "--hours"),
        ("hours without chips", ["--hours", "10", "--power", "300"], "--chips"),
        ("FLOPs without hardware", ["--params", "7B", "--tokens", "1T", "--power", "300"], "--hardware"),
        ("no power and no hardware", ["--chip-hours", "10"], "--power"),
        ("TPU without TDP and no power", ["--hardware", "tpu v5e", "--chip-hours", "10"], "--power"),
        ("MFU on the chip-time path", ["--chip-hours", "10", "--power", "300", "--mfu", "0.4"], "--mfu"),
        ("queries without per-query energy", ["--chip-hours", "10", "--power", "300", "--queries", "1M"], "--queries"),
        ("share and queries", ["--chip-hours", "10", "--power", "300", "--inference-share", "0.8", "--queries", "1M",
                               "--energy-per-query", "0.3 Wh"], "--inference-share"),
        ("share of 1", ["--chip-hours", "10", "--power", "300", "--inference-share", "1"], "--inference-share"),
        ("grid without unit", ["--chip-hours", "10", "--power", "300", "--grid", "0.4"], "--grid"),
        ("empty percentile in a list", ["--chip-hours", "10", "--power", "uniform(300, 400)", "--percentiles", "1,,2"], "--percentiles"),
        ("empty percentile list", ["--chip-hours", "10", "--power", "uniform(300, 400)", "--percentiles", ""], "--percentiles"),
        ("trailing comma in percentiles", ["--chip-hours", "10", "--power", "uniform(300, 400)", "--percentiles", "1,"], "--percentiles"),
        ("a sample cap below one batch", ["--chip-hours", "10", "--power", "uniform(300, 400)", "--samples", "2000", "--until", "p95:1%",
                                          "--max-samples", "10"], "--max-samples"),
    ]

    @Test("bad input is one error naming the flag, with a non-zero exit", arguments: badInputs)
    func badInput(_ label: String, _ arguments: [String], _ flag: String) {
        do {
            _ = try estimate(arguments)
            Issue.record("\(label): expected an error")
        } catch {
            let message = AICarbonCommand.message(for: error)
            #expect(message.contains(flag), "\(label): \(message)")
            #expect(message.contains("expected"), "\(label): \(message)")
            #expect(!message.contains("\n"), "\(label): \(message)")
            #expect(AICarbonCommand.exitCode(for: error) != .success)
        }
    }
}

@Suite("Flags and the input registry")
struct FlagRegistryTests {
    @Test("every estimate input has its flag")
    func everyEstimateInputHasAFlag() {
        let help = EstimateCommand.helpMessage(columns: 400)
        for definition in InputRegistry.all where definition.scopes.contains(.estimate) {
            #expect(help.contains(definition.flag + " "), "aicarbon estimate has no \(definition.flag) for \(definition.key)")
        }
    }

    @Test("library names become flags on the command line; errors located in a file keep their keys")
    func flagNames() throws {
        #expect(FlagNames.flag("power_utilization") == "--power-utilization")
        #expect(FlagNames.flag("samples") == "--samples" && FlagNames.flag("max_samples") == "--max-samples")
        #expect(FlagNames.flag("hours", days: true) == "--days" && FlagNames.flag("tdp") == "--hardware")
        #expect(FlagNames.flag("correlations") == nil)
        let located = InputError(field: "chips", expected: "with `hours`", found: "x", location: InputLocation(file: "a.yaml", line: 3))
        do { try FlagNames.run { throw located } } catch let e as InputError {
            #expect(e.field == "chips" && e.expected == "with hours")
        }
    }
}
