import Foundation
import Testing
@testable import AICarbon

/// The repository's Scenarios folder.
let scenariosFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Scenarios")

func runScenario(_ name: String, samples: Int? = nil) throws -> EstimateReport {
    let scenario = try ScenarioFile.load(scenariosFolder.appendingPathComponent(name).path)
    var settings = SimulationSettings(threads: 2)
    settings.samples = samples ?? scenario.simulation.samples ?? settings.samples
    settings.seed = scenario.simulation.seed ?? 1
    settings.method = scenario.simulation.method ?? .mc
    return try scenario.run(catalog: Catalog.bundled(), settings: settings)
}

@Suite("Scenario files")
struct ScenarioTests {
    @Test("every shipped scenario loads and runs")
    func allRun() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: scenariosFolder.path)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }
        #expect(files.count >= 12)
        for file in files {
            switch try ScenarioFile.loadDocument(scenariosFolder.appendingPathComponent(file).path) {
            case .estimate:
                let report = try runScenario(file, samples: 4_000)
                #expect(report.value(.energyKWh).map { $0 > 0 } == true, "\(file)")
            case .projection(let p):
                let report = try p.run(catalog: Catalog.bundled(), settings: SimulationSettings(samples: 1_000, threads: 2))
                #expect(report.summary(.energyKWh, year: report.years.last!).map { $0.mean > 0 } == true, "\(file)")
            }
        }
    }

    @Test("gpt3-patterson.yaml reproduces Patterson et al. 2021: 1,289.4 MWh and 553.1 t")
    func gpt3() throws {
        let report = try runScenario("gpt3-patterson.yaml", samples: 2_000)
        #expect(abs(try #require(report.value(.co2eKg)) - 553_142.304) < 1e-3)
        #expect(try #require(report.summary(.co2eKg)).sd == 0)
    }

    @Test("llama-65b.yaml reproduces Touvron et al. 2023: 449.8 MWh and 173 t")
    func llama() throws {
        let report = try runScenario("llama-65b.yaml", samples: 2_000)
        #expect(abs(try #require(report.value(.energyKWh)) - 449_839.28) < 1e-3)
        #expect((try #require(report.value(.co2eKg)) / 1000).rounded() == 173)
    }

    @Test("planned-70b-h100.yaml: the documented median and 90% interval of energy hold (±2%)")
    func planned() throws {
        let s = try #require(try runScenario("planned-70b-h100.yaml").summary(.energyKWh))
        // Scenarios/README.md: median ≈ 512 MWh, 90% interval ≈ 385–687 MWh.
        #expect(abs(s.percentile(50)! / 512_300 - 1) < 0.02)
        #expect(abs(s.percentile(5)! / 385_300 - 1) < 0.02)
        #expect(abs(s.percentile(95)! / 687_000 - 1) < 0.02)
    }

    @Test("planned-7b-a100.json: inference dominates the lifetime energy")
    func planned7b() throws {
        let report = try runScenario("planned-7b-a100.json")
        let inference = try #require(report.summary(.inferenceEnergyKWh)?.percentile(50))
        let total = try #require(report.summary(.energyKWh)?.percentile(50))
        #expect(inference > 0.8 * total)
    }

    static let bad: [(String, String, String, Int?)] = [
        ("params: 7B\ntokens: 1T\nhardware: h100\npu: 1.2\n", "pu", "did you mean pue", 4),
        ("chips: 8\nhours: 10\npower: [300, 400]\n", "power", "a single value", 3),
        ("chips: 8\nhours: 10\npower: 300\npue: 0.5 to 0.3\n", "pue", "a < b", 4),
        ("chips: 8\nhours: 10\npower: 300\npue: -1\n", "pue", "at least 1", 4),
        ("chips: 8\nhours: 10\npower: three hundred\n", "power", "a power", 3),
        ("", "scenario", "a mapping", nil),
        ("- 1\n- 2\n", "scenario", "a mapping", 1),
        ("chips: 8\nchips: 9\n", "chips", "each key once", 2),
        ("chips: 8\nhours: 10\n", "power", "power", nil),
        ("chip_hours: 10\npower: 300\ngrid: Atlantis\n", "grid", "closest", 3),
        ("chip_hours: 10\npower: 300\nhardware: h1000\n", "hardware", "closest", 3),
        ("chip_hours: 10\npower: 300 to 400\npue: 1.1 to 1.2\ncorrelations:\n  - [power, speed, 0.5]\n", "correlations", "input key", 5),
        ("chip_hours: 10\npower: 300 to 400\npue: 1.1\ncorrelations:\n  - [power, pue, 0.5]\n", "correlations", "uncertain input", 5),
        ("chip_hours: 10\npower: 300\nsimulation:\n  samples: 0\n", "simulation.samples", "whole number", 4),
        ("chip_hours: 10\npower: 300\nsimulation:\n  method: foo\n", "simulation.method", "mc, lhs or sobol", 4),
        ("chips: 8\n  hours: 10\n", "syntax", "valid YAML", 2),
    ]

    @Test("bad scenario files are errors with file, line, field, expected and found", arguments: bad)
    func badFiles(_ text: String, _ field: String, _ expected: String, _ line: Int?) throws {
        do {
            let scenario = try ScenarioFile.parse(text, path: "bad.yaml")
            _ = try scenario.resolve(catalog: Catalog.bundled())
            Issue.record("no error for \(text)")
        } catch {
            #expect(error.field == field, "\(error)")
            #expect(error.expected.contains(expected) || error.found.contains(expected), "\(error)")
            #expect(error.location?.file == "bad.yaml", "\(error)")
            if let line { #expect(error.location?.line == line, "\(error)") }
        }
    }

    @Test("rank correlations declared in a scenario are achieved")
    func correlation() throws {
        let text = "chip_hours: 1000\npower: 300 to 400 W\npue: uniform(1.1, 1.5)\ncorrelations:\n  - [power, pue, 0.6]\n"
        let scenario = try ScenarioFile.parse(text, path: "c.yaml")
        let resolved = try scenario.resolve(catalog: Catalog.bundled())
        let set = try Simulation.run(inputs: resolved.uncertain.map { (name: $0.slot.rawValue, distribution: $0.distribution) },
                                     correlation: resolved.correlation, model: IdentityModel(dimension: resolved.uncertain.count),
                                     settings: SimulationSettings(samples: 40_000, seed: 5, threads: 2))
        let power = resolved.uncertain.firstIndex { $0.slot == .powerW }!, pue = resolved.uncertain.firstIndex { $0.slot == .pue }!
        #expect(abs(spearman(set.outputs[power], set.outputs[pue]) - 0.6) < 0.02)
    }
}
