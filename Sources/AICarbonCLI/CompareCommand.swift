import AICarbon
import ArgumentParser
import Foundation

/// `aicarbon compare A B`: two projections on common random numbers.
public struct CompareCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two scenarios on common random numbers: paired difference A - B and P(A < B), per output (and year).",
        discussion: """
            Both must be single-model estimates, or projections over the same years (or, with --years, projections \
            compared in years both project). Each named uncertain input draws the same random numbers in both runs, \
            so the difference reflects the scenarios, not sampling noise.
            Examples:
              aicarbon compare Scenarios/iea-high-efficiency-2024-2035.yaml Scenarios/iea-base-2024-2035.yaml
              aicarbon compare Scenarios/planned-70b-h100.yaml Scenarios/planned-70b-h100.yaml --set-a grid=FRA --set-b grid=DEU
              aicarbon compare Scenarios/lbnl-us-2023-2028.yaml Scenarios/iea-base-2024-2035.yaml --years 2024-2028
            """)

    @Argument(help: "Scenario A (an estimate or a projection).")
    var a: String
    @Argument(help: "Scenario B (the same kind as A).")
    var b: String
    @Option(name: .customLong("set"), help: "Override a value in both scenarios: key=value (repeatable).")
    var overrides: [String] = []
    @Option(name: .customLong("set-a"), help: "Override a value in scenario A only: key=value (repeatable).")
    var overridesA: [String] = []
    @Option(name: .customLong("set-b"), help: "Override a value in scenario B only: key=value (repeatable).")
    var overridesB: [String] = []
    @Option(help: ArgumentHelp("Years to compare, each projected by both scenarios: \"2026,2030\", a range \"2026-2030\", or both (projections only).",
                               valueName: "years"))
    var years: String?
    @Option(help: "Output format: table, json or csv.")
    var format: FormatOption = .table
    @OptionGroup var sampling: SamplingOptions<CompareSamplingHelp>
    @OptionGroup var percentiles: PercentilesOption
    @OptionGroup var chart: PlotOptions
    @OptionGroup var outputFile: OutputFileOption

    public init() {}

    public func run() throws {
        let destination = outputFile.destination
        try destination.check(scenarios: [a, b], plot: chart.plot)
        try chart.check(scenarios: [a, b])
        var simulationWarning: String?
        var report = try FlagNames.run { () throws -> ComparisonReport in
            // Standard input can be read once: a second - would be an empty file.
            if a == "-", b == "-" {
                throw InputError(field: "FILE", expected: "at most one scenario from standard input (-)", found: "two")
            }
            let sets = try ScenarioOverrides.parse(overrides)
            let setsA = try ScenarioOverrides.parse(overridesA, flag: "--set-a"), setsB = try ScenarioOverrides.parse(overridesB, flag: "--set-b")
            let catalog = try Catalog.bundled()
            let da = try ScenarioFile.loadDocument(a, overrides: sets + setsA,
                                                   overrideFlags: Dictionary(setsA.map { ($0.key, "--set-a") }, uniquingKeysWith: { $1 }))
            let db = try ScenarioFile.loadDocument(b, overrides: sets + setsB,
                                                   overrideFlags: Dictionary(setsB.map { ($0.key, "--set-b") }, uniquingKeysWith: { $1 }))
            /// A scenario's name, with the overrides only it was given (so that A and B differ in print).
            func named(_ name: String, _ own: [(key: String, value: String)]) -> String {
                own.isEmpty ? name : name + " (" + own.map { "\($0.key)=\($0.value)" }.joined(separator: ", ") + ")"
            }
            let settings = try sampling.settings(file: da.simulation)
            simulationWarning = Self.droppedSimulation(try sampling.settings(file: db.simulation), db.simulation, as: settings)
            let extra = try percentiles.extraPercentiles()
            let chosen = try years.map { text throws(InputError) in try Self.years(text) }
            // A sample count A's file gave (the runs use A's simulation settings) is refused at its line.
            do {
                switch (da, db) {
                case (.projection(let pa), .projection(let pb)):
                    guard let chosen else {
                        return try Projection.compare((pa.spec, named(pa.name, setsA), pa.targetYears),
                                                      (pb.spec, named(pb.name, setsB), pb.targetYears), catalog: catalog, settings: settings,
                                                      percentiles: extra)
                    }
                    let ra = try pa.spec.resolve(catalog: catalog, targetYears: pa.targetYears)
                    let rb = try pb.spec.resolve(catalog: catalog, targetYears: pb.targetYears)
                    return try SensitivityFlags.renaming(["years": "--years"]) {
                        try Comparison.run((ra.problem, named(pa.name, setsA)), (rb.problem, named(pb.name, setsB)), settings: settings, years: chosen,
                                           percentiles: extra)
                    }
                case (.estimate, .estimate) where chosen != nil:
                    throw InputError(field: "--years", expected: "two projections (years apply to projections; an estimate has none)",
                                     found: "two single-model estimates (\(a), \(b))")
                case (.estimate(let ea), .estimate(let eb)):
                    let ra = try ea.resolve(catalog: catalog), rb = try eb.resolve(catalog: catalog)
                    // The comparison carries a lifetime shorter than either run (SimulationProblem.warnings).
                    return try Comparison.run((ra.problem, named(ea.name, setsA)), (rb.problem, named(eb.name, setsB)),
                                              settings: settings, percentiles: extra)
                case (.estimate, .projection), (.projection, .estimate):
                    let (kindA, kindB) = if case .estimate = da { ("a single-model estimate", "a projection") }
                                         else { ("a projection", "a single-model estimate") }
                    throw InputError(field: "FILE", expected: "two scenarios of the same kind (\(a) is \(kindA))", found: "\(kindB)",
                                     location: InputLocation(file: b))
                }
            } catch let error as InputError {
                throw da.simulation.placing(error, samples: settings.samples)
            }
        }
        if let simulationWarning { report.warnings.append(simulationWarning) }
        try FlagNames.run { try chart.write(available: report.outputs) { report.rendered(by: SVGRenderer(output: $0)) } }
        try destination.write(report.rendered(format.format))
        RunWarnings.emit(report.warnings, shown: format.format == .table && destination.isStandardOutput)
    }

    /// The warning for a `simulation:` of B (from its file or `--set-b`) that the comparison does not use: both
    /// scenarios run on A's settings with the command line's flags, sample for sample, and B's own were dropped
    /// without a word (`--set-b "simulation={samples: 3000, seed: 9}"` ran A's 1,000 with seed 5).
    /// - Parameters:
    ///   - own: B's settings as B alone would run (its `simulation:` under the command line's flags).
    ///   - simulation: B's `simulation:`, for which settings it gave.
    ///   - settings: The settings the comparison runs on.
    /// - Returns: One line, or nil when B gave none that differ.
    static func droppedSimulation(_ own: SimulationSettings, _ simulation: ScenarioSimulation, as settings: SimulationSettings) -> String? {
        var differ: [String] = []
        if simulation.samples != nil, own.samples != settings.samples { differ.append("samples \(own.samples) (A's \(settings.samples))") }
        if simulation.seed != nil, own.seed != settings.seed { differ.append("seed \(own.seed) (A's \(settings.seed))") }
        if simulation.method != nil, own.method != settings.method { differ.append("method \(own.method.rawValue) (A's \(settings.method.rawValue))") }
        if simulation.generator != nil, own.generator != settings.generator {
            differ.append("generator \(own.generator.rawValue) (A's \(settings.generator.rawValue))")
        }
        guard !differ.isEmpty else { return nil }
        return "warning: B's simulation settings are not used: " + differ.joined(separator: ", ")
            + "; compare runs both scenarios on A's, sample for sample (--samples, --seed, --method and --generator set both)"
    }

    /// The years of `--years`: comma-separated years and ranges (`2024,2026-2030`), sorted, each once.
    /// - Parameter text: The flag's value.
    /// - Returns: The years.
    /// - Throws: ``InputError`` naming `--years` for anything else (an empty item, a reversed range, text).
    static func years(_ text: String) throws(InputError) -> [Int] {
        let syntax = "years such as 2030, comma-separated years (2026,2030) or a range (2026-2030)"
        var years = Set<Int>()
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let item = item.trimmingCharacters(in: .whitespaces)
            let bounds = item.split(separator: "-", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            let numbers = bounds.compactMap { $0.allSatisfy(\.isASCII) && $0.count <= 6 ? Int($0) : nil }
            guard !item.isEmpty, numbers.count == bounds.count, (1...2).contains(numbers.count), numbers.allSatisfy({ $0 >= 0 }) else {
                throw InputError(field: "--years", expected: syntax, found: "\"\(text)\"" + (text.contains(",") ? " (the item \"\(item)\")" : ""))
            }
            guard numbers.first! <= numbers.last! else {
                throw InputError(field: "--years", expected: "a range from the earlier year to the later (2026-2030)", found: "\"\(item)\"")
            }
            years.formUnion(numbers.first!...numbers.last!)
        }
        return years.sorted()
    }
}
