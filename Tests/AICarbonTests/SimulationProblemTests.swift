import Foundation
import Testing
@testable import AICarbon

/// Counts rows and sums every input and output per chunk, combining chunks in chunk order.
final class SummingObserver: SampleObserver, @unchecked Sendable {
    private var rows: [Int] = [], inputSums: [[Double]] = [], outputSums: [[Double]] = []
    private(set) var totals: (rows: Int, inputs: [Double], outputs: [Double]) = (0, [], [])
    private(set) var batchesSeen = 0

    func begin(batch: Int, chunks: Int, inputs: Int, outputs: Int) {
        if batch == 0 { totals = (0, [], []) }
        rows = Array(repeating: 0, count: chunks)
        inputSums = Array(repeating: Array(repeating: 0, count: inputs), count: chunks)
        outputSums = Array(repeating: Array(repeating: 0, count: outputs), count: chunks)
    }

    func observe(batch: Int, chunk: Int, firstRow: Int, inputs: UnsafePointer<Double>,
                 outputs: UnsafeBufferPointer<UnsafeMutablePointer<Double>>, rows n: Int) {
        rows[chunk] += n
        for j in inputSums[chunk].indices { for i in 0..<n { inputSums[chunk][j] += inputs[j * n + i] } }
        for o in outputs.indices { for i in 0..<n { outputSums[chunk][o] += outputs[o][i] } }
    }

    func end(batch: Int) {
        batchesSeen += 1
        var inputs = totals.inputs.isEmpty ? Array(repeating: 0.0, count: inputSums.first?.count ?? 0) : totals.inputs
        var outputs = totals.outputs.isEmpty ? Array(repeating: 0.0, count: outputSums.first?.count ?? 0) : totals.outputs
        for k in rows.indices {
            for j in inputs.indices { inputs[j] += inputSums[k][j] }
            for o in outputs.indices { outputs[o] += outputSums[k][o] }
        }
        totals = (totals.rows + rows.reduce(0, +), inputs, outputs)
    }
}

@Suite("One simulation path: problems, observers, comparisons")
struct SimulationProblemTests {
    static let planned: EstimateSpec = {
        var spec = EstimateSpec()
        spec.hardware = "h100"
        spec.parameters = .fixed(70e9)
        spec[.tokens] = .fixed(2e12)
        spec[.chips] = .fixed(1024)
        return spec
    }()

    @Test("an observer sees every sampled input and output once, the same on 1 and 2 threads, streamed or stored",
          arguments: [20_000, 100_000])
    func observerSeesEverySample(samples: Int) throws {
        let problem = try Self.planned.resolve(catalog: Catalog.bundled()).problem
        var results: [(rows: Int, inputs: [Double], outputs: [Double])] = []
        var summaries: [SimulationSummary] = []
        for threads in [1, 2] {
            let observer = SummingObserver()
            let settings = SimulationSettings(samples: samples, seed: 5, threads: threads)
            summaries.append(try Simulation.summarise(problem, settings: settings, observers: [observer]))
            results.append(observer.totals)
        }
        #expect(results[0].rows == samples)
        #expect(results[0].inputs.count == problem.inputs.count && results[0].outputs.count == problem.model.outputCount)
        // Bit-identical whatever the thread count: partial sums are combined in chunk order.
        #expect(results[0].inputs == results[1].inputs && results[0].outputs == results[1].outputs)
        // The observed outputs are the summarised ones: their mean (chunk-ordered sums differ only in rounding).
        for (o, summary) in summaries[0].outputs.enumerated() {
            #expect(abs(results[0].outputs[o] / Double(samples) - summary.mean) <= 1e-9 * abs(summary.mean))
        }
    }

    @Test("a precision target is bound to its output by name, in the last year of a projection")
    func precisionTargetByName() throws {
        let scenario = try ScenarioFile.loadDocument(scenariosFolder.appendingPathComponent("iea-base-2024-2035.yaml").path)
        guard case .projection(let p) = scenario else { Issue.record("not a projection"); return }
        let problem = try p.spec.resolve(catalog: Catalog.bundled(), targetYears: p.targetYears).problem
        var settings = SimulationSettings(samples: 2_000, seed: 1, threads: 2)
        settings.until = try PrecisionTarget(parsing: "p95:0.5%@energy_kwh")
        let effective = try Simulation.effective(settings, for: problem)
        let o = problem.outputs.firstIndex(of: "energy_kwh")!
        #expect(effective.until?.outputIndex == (problem.years.count - 1) * problem.outputs.count + o)
        settings.until = try PrecisionTarget(parsing: "p95:0.5%@nope")
        #expect(throws: InputError.self) { try Simulation.effective(settings, for: problem) }
        // No output named: a projection (without total_co2e_kg) watches its co2e_kg; named, it is refused.
        settings.until = try PrecisionTarget(parsing: "p95:0.5%")
        let byDefault = try Simulation.effective(settings, for: problem)
        #expect(byDefault.until?.output == "co2e_kg")
        #expect(byDefault.until?.outputIndex == (problem.years.count - 1) * problem.outputs.count + problem.outputs.firstIndex(of: "co2e_kg")!)
        settings.until = try PrecisionTarget(parsing: "p95:0.5%@total_co2e_kg")
        #expect(throws: InputError.self) { try Simulation.effective(settings, for: problem) }
    }

    @Test("comparing an estimate with itself gives a difference of exactly 0 and P(A < B) = 0")
    func identicalEstimates() throws {
        let problem = try Self.planned.resolve(catalog: Catalog.bundled()).problem
        let report = try Comparison.run((problem, "a"), (problem, "b"), settings: SimulationSettings(samples: 5_000, seed: 3, threads: 2))
        #expect(report.years.isEmpty && report.outputs.contains(.co2eKg))
        for name in report.outputs {
            let d = try #require(report.difference(name))
            #expect(d.min == 0 && d.max == 0 && d.sd == 0, "\(name)")
            #expect(report.probabilityALessThanB(name) == 0)
        }
    }

    @Test("France against Germany on common random numbers: CO2e lower in every paired sample, P(A < B) = 1")
    func franceGermany() throws {
        var france = Self.planned, germany = Self.planned
        france.grid = .named("FRA")
        germany.grid = .named("DEU")
        let report = try Comparison.run((france.resolve(catalog: Catalog.bundled()).problem, "FRA"),
                                        (germany.resolve(catalog: Catalog.bundled()).problem, "DEU"),
                                        settings: SimulationSettings(samples: 5_000, seed: 3, threads: 2))
        #expect(report.probabilityALessThanB(.co2eKg) == 1)
        // Energy does not depend on the grid: the same in both, sample by sample.
        #expect(report.difference(.energyKWh)?.max == 0 && report.difference(.energyKWh)?.min == 0)
    }

    @Test("an estimate and a projection cannot be compared")
    func mixedKinds() throws {
        let estimate = try Self.planned.resolve(catalog: Catalog.bundled()).problem
        guard case .projection(let p) = try ScenarioFile.loadDocument(scenariosFolder.appendingPathComponent("iea-base-2024-2035.yaml").path) else { return }
        let projection = try p.spec.resolve(catalog: Catalog.bundled(), targetYears: p.targetYears).problem
        #expect(throws: InputError.self) {
            try Comparison.run((estimate, "a"), (projection, "b"), settings: SimulationSettings(samples: 100))
        }
    }
}

@Suite("Input registry")
struct InputRegistryTests {
    @Test("keys are unique and every footprint slot has its definition with the same key")
    func slots() {
        #expect(Set(InputRegistry.all.map(\.key)).count == InputRegistry.all.count)
        for slot in InputSlot.allCases {
            #expect(slot.definition.key == slot.rawValue)
            #expect(InputRegistry.definition(slot.rawValue) == slot.definition)
        }
        #expect(InputSlot.tdpW.flag == "--hardware" && InputSlot.powerUtilization.flag == "--power-utilization")
    }

    @Test("projection keys are the registry's projection inputs; year paths only where documented")
    func projectionKeys() {
        let registered = Set(InputRegistry.all.filter { $0.scopes.contains(.projection) }.map(\.key)).subtracting(["grid"])
        #expect(Set(ProjectionSpec.keys.keys) == registered)
        #expect(ProjectionSpec.keys["ai_growth"]?.path == true && ProjectionSpec.keys["pue"]?.path == false)
        #expect(ProjectionSpec.keys["grid_points"]?.path == true)
    }

    @Test("every distribution function name parses; a region name is not taken for a distribution",
          arguments: DistributionParser.functionNames)
    func functionNames(_ name: String) throws {
        let examples = ["uniform": "(1, 2)", "triangular": "(1, 2, 3)", "pert": "(1, 2, 3)", "normal": "(2, 0.1)",
                        "lognormal": "(2, 1.5)", "beta": "(2, 3)", "gamma": "(2, 1)", "weibull": "(2, 1)", "loguniform": "(1, 2)",
                        "truncated": "(normal(2, 1), 1, 3)", "truncate": "(normal(2, 1), 1, 3)", "discrete": "(1: 0.5, 2: 0.5)",
                        "choice": "(1: 0.5, 2: 0.5)"]
        let text = name + (examples[name] ?? "()")
        _ = try DistributionParser.parse(text, field: NumericField("x", .dimensionless, .real))
        #expect(DistributionParser.startsWithFunction(text))
        // Taken as an intensity (here refused for its missing unit), never as a region named "pert(1, 2, 3)".
        if case .named? = try? GridChoice(parsing: text) { Issue.record("\(text) read as a region") }
    }

    @Test("the library names inputs by key; the command line's renaming reaches the field and `key` references")
    func naming() {
        let error = InputError(field: "chips", expected: "the number of accelerators, needed with `hours` or `days`",
                               found: "nothing (or give `chip_hours`; see `aicarbon catalog hardware`)")
        let flagged = error.namingInputs { "--" + $0.replacingOccurrences(of: "_", with: "-") }
        #expect(flagged.description == "--chips: expected the number of accelerators, needed with --hours or --days, "
                + "found nothing (or give --chip-hours; see `aicarbon catalog hardware`)")
        #expect(error.namingInputs { _ in nil }.expected == "the number of accelerators, needed with hours or days")
    }

    @Test("an unpaired backtick in typed text is kept once, not the text before it repeated (a review find)")
    func unpairedBacktick() {
        let error = InputError(field: "grid", expected: "a region in `aicarbon catalog grids`", found: "\"nope`x\"")
        let flagged = error.namingInputs { "--" + $0 }
        #expect(flagged.found == "\"nope`x\"", "\(flagged.found)")
        #expect(flagged.expected == "a region in `aicarbon catalog grids`")
        let keyThenStray = InputError(field: "x", expected: "`pue` or `a", found: "b` and `grid`").namingInputs { "--" + $0 }
        // Backticks pair left to right: in the found text "` and `" is no key, and the last one is unpaired.
        #expect(keyThenStray.expected == "--pue or `a" && keyThenStray.found == "b` and `grid`", "\(keyThenStray)")
    }
}
