import AICarbon
import ArgumentParser

/// `aicarbon run FILE`: run a scenario file (YAML or JSON), a single-model estimate or a projection.
public struct RunCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a scenario file (YAML or JSON): a single-model estimate, or a multi-year projection.",
        discussion: """
            The schema is in Scenarios/README.md. Simulation flags override the file's simulation: section.
            Examples:
              aicarbon run Scenarios/iea-base-2024-2035.yaml
              aicarbon run Scenarios/chatbot-service.yaml --set elasticity=-1.2
              aicarbon run Scenarios/classroom-rebound.yaml --sweep elasticity=-1.5,-1,-0.5,0
            """)

    @Argument(help: "Scenario file (.yaml, .yml or .json).")
    var file: String
    @Option(name: .customLong("set"), help: "Override a scenario value: key=value (repeatable).")
    var overrides: [String] = []
    @Option(help: "Run variants side by side: key=v1,v2,v3 (once).")
    var sweep: [String] = []
    @Option(help: "Output format: table, json or csv.")
    var format: FormatOption = .table
    @OptionGroup var simulation: SimulationOptions
    @OptionGroup var chart: PlotOptions
    @OptionGroup var outputFile: OutputFileOption

    public init() {}

    public func run() throws {
        let destination = outputFile.destination
        try destination.check(scenarios: [file], plot: chart.plot)
        try chart.check(scenarios: [file])
        let (text, warnings, shown) = try FlagNames.run { try execute() }
        try destination.write(text)
        RunWarnings.emit(warnings, shown: shown && destination.isStandardOutput)
    }

    /// Runs the scenario (or its sweep), writes any chart, and returns the text to print, the runs' warnings
    /// (``RunResult/warnings``: a precision target missed, means or mcse that sampling cannot estimate), and
    /// whether that text shows them.
    private func execute() throws -> (text: String, warnings: [String], shown: Bool) {
        let sets = try ScenarioOverrides.parse(overrides)
        let catalog = try Catalog.bundled()
        if sweep.count > 1 {
            throw InputError(field: "--sweep", expected: "one --sweep (run the others with --set, one at a time)",
                             found: "\(sweep.count) of them (\(sweep.joined(separator: "; ")))")
        }
        if let sweep = sweep.first {
            let (key, values) = try ScenarioOverrides.sweep(sweep)
            // The sweep sets its key in every variant: a --set of the same key would be dropped without a word.
            if let set = sets.first(where: { $0.key == key }) {
                throw InputError(field: "--sweep", expected: "a key not also given with --set (the sweep sets \(key) in each variant)",
                                 found: "\(key), also given as --set \(key)=\(set.value)")
            }
            var variants: [(String, ScenarioDocument)] = []
            for value in values {
                variants.append((value, try ScenarioFile.loadDocument(file, overrides: sets + [(key, value)], overrideFlags: [key: "--sweep"])))
            }
            if key == "simulation" { try Self.checkSweptSimulation(variants, values: values, simulation: simulation) }
            let reports = try variants.map { value, document throws -> (String, RunResult) in
                (value, try Self.execute(document, catalog: catalog, simulation: simulation, progress: nil))
            }
            if chart.plot != nil {
                let projections = reports.compactMap { value, result -> ProjectionReport? in
                    if case .projection(let r) = result { var r = r; r.name = "\(key)=\(value)"; return r } else { return nil }
                }
                guard let first = projections.first, projections.count == reports.count else {
                    throw InputError(field: "--plot", expected: "a projection with --sweep (its fans overlaid)",
                                     found: "a single-model scenario: plot one value at a time")
                }
                try chart.write(available: first.outputs) { output in
                    let name = output ?? .energyKWh
                    return FanChart(series: projections.map { r in
                        FanChart.Series(name: r.name, years: r.years, summaries: r.years.map { r.summary(name, year: $0)! })
                    }, output: name, references: first.references, title: "\(variants[0].1.name): sweep of \(key)").rendered()
                }
            }
            let warnings = reports.flatMap { value, result in result.warnings.map { "\(key)=\(value): \($0)" } }
            return (SweepRendering(key: key, variants: reports).rendered(format.format), warnings, false)
        }
        let document = try ScenarioFile.loadDocument(file, overrides: sets)
        let bar = ProgressBar()
        let result = try Self.execute(document, catalog: catalog, simulation: simulation, progress: { bar.update($0) })
        bar.finish()
        switch result {
        case .estimate(let r): try chart.write(available: r.outputs.map(\.0)) { r.rendered(by: SVGRenderer(output: $0)) }
        case .projection(let r): try chart.write(available: r.outputs) { r.rendered(by: SVGRenderer(output: $0)) }
        }
        var text = ""
        if format == .table, case .estimate(let s) = document {
            text = "scenario: \(TableRenderer.terminalSafe(s.name))" + (s.description.map { " — \(TableRenderer.terminalSafe($0))" } ?? "") + "\n"
        }
        return (text + result.rendered(format.format), result.warnings, format == .table)
    }

    /// Refuses a sweep of `simulation` whose settings a flag also sets: flags override a scenario's
    /// `simulation:`, so every variant would run the flag's settings in a column headed with its own
    /// (`--sweep "simulation={samples: 100, seed: 5},{samples: 300, seed: 9}" --samples 2000 --seed 1` ran two
    /// identical columns of 2,000 samples at seed 1). A flag giving the value every variant gives is harmless.
    /// - Parameters:
    ///   - variants: The swept values and their scenarios.
    ///   - values: The swept values as typed.
    ///   - simulation: The command line's simulation flags.
    /// - Throws: ``InputError`` at `--sweep` naming the flags and the values they override.
    static func checkSweptSimulation(_ variants: [(String, ScenarioDocument)], values: [String],
                                     simulation: SimulationOptions) throws(InputError) {
        var flags: [String] = []
        for (_, document) in variants {
            for flag in try simulation.overriding(document.simulation) where !flags.contains(flag) { flags.append(flag) }
        }
        guard !flags.isEmpty else { return }
        throw InputError(field: "--sweep", expected: "swept simulation settings that no flag sets (flags override them, so each column "
                         + "would run settings other than its heading's): drop the flags or sweep without those settings",
                         found: flags.joined(separator: " and ") + (flags.count == 1 ? ", which overrides" : ", which override") + " simulation=" + values.joined(separator: ","))
    }

    static func execute(_ document: ScenarioDocument, catalog: Catalog, simulation: SimulationOptions,
                        progress: (@Sendable (Double) -> Void)?) throws -> RunResult {
        let settings = try simulation.settings(file: document.simulation)
        let extra = try simulation.extraPercentiles()
        switch document {
        case .estimate(let s): return .estimate(try s.run(catalog: catalog, settings: settings, percentiles: extra, progress: progress))
        case .projection(let p): return .projection(try p.run(catalog: catalog, settings: settings, percentiles: extra, progress: progress))
        }
    }
}
