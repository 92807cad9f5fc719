import AICarbon
import ArgumentParser

/// `aicarbon sensitivity FILE`: which inputs drive the spread of one output of a scenario file, per
/// year for a projection.
public struct SensitivityCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "Which inputs drive the spread of a scenario's result: rank importance, tornado or Sobol' indices.",
        discussion: """
            rank: Spearman correlation and share of rank variance (one simulation). tornado: each input alone at \
            its 5th and 95th percentile, the others at their medians (2d + 1 runs). sobol: first-order and total \
            Sobol' indices with bootstrap 95% intervals (N(d + 2) runs; independent inputs only). A projection's \
            year steps are grouped under their key (ai_growth). The sampling design is --design here, since \
            --method names the sensitivity method.
            Examples:
              aicarbon sensitivity Scenarios/planned-70b-h100.yaml
              aicarbon sensitivity Scenarios/iea-base-2024-2035.yaml --year 2030
              aicarbon sensitivity Scenarios/iea-base-2024-2035.yaml --method sobol --format json
            """)

    @Argument(help: "Scenario file (.yaml, .yml or .json).")
    var file: String
    @Option(help: "Sensitivity method: rank, tornado or sobol.")
    var method: String = "rank"
    @Option(help: "Output to analyse (energy_kwh, co2e_kg, water_l, …).")
    var output: String = "co2e_kg"
    @Option(help: "Year of a projection (default: every year in JSON and CSV, the last year in the table).")
    var year: String?
    @Option(name: .customLong("set"), help: "Override a scenario value: key=value (repeatable).")
    var overrides: [String] = []
    @Option(help: "Output format: table, json or csv.")
    var format: FormatOption = .table
    @OptionGroup var sampling: SamplingOptions<SensitivitySamplingHelp>
    @Option(help: "Also write a chart of the ranking as SVG to this file (a tornado chart for --method tornado).")
    var plot: String?
    @OptionGroup var outputFile: OutputFileOnlyOption

    public init() {}

    public func run() throws {
        let destination = outputFile.destination
        try destination.check(scenarios: [file], plot: plot)
        try PlotOptions.check(plot, scenarios: [file])
        let (document, report) = try FlagNames.run {
            try SensitivityFlags.renaming(["sensitivity": "--method", "output": "--output", "year": "--year", "method": "--design"]) {
                let method = try SensitivityMethod(parsing: self.method, field: "--method")
                let year = try self.year.map { text throws(InputError) -> Int in
                    guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
                        throw InputError(field: "--year", expected: "a year (\"2030\")", found: "\"\(text)\"")
                    }
                    return value
                }
                let document = try ScenarioFile.loadDocument(file, overrides: try ScenarioOverrides.parse(overrides))
                let settings = try sampling.settings(file: document.simulation)
                let report: SensitivityReport
                do {
                    report = try Sensitivity.analyse(document, catalog: try Catalog.bundled(), method: method, output: output,
                                                     year: year, settings: settings)
                } catch let error as InputError {
                    // A sample count the file gave is refused at its line.
                    throw document.simulation.placing(error, samples: settings.samples)
                }
                if let plot {  // checked before the work (PlotOptions.check)
                    try AtomicFile.write(ImportanceChart(report, year: year, title: document.name).rendered(), to: plot, field: "--plot")
                }
                return (document, report)
            }
        }
        switch format {
        case .table:
            var text = "scenario: \(TableRenderer.terminalSafe(document.name))\n"
            text += SensitivityRendering.table(report)
            if report.isProjection, report.periods.count > 1 {
                text += "(the last year; --year Y shows another, and JSON and CSV give every year)\n"
            }
            try destination.write(text)
        case .json:
            try destination.write(SensitivityRendering.document(report, scenario: document.name).rendered() + "\n")
        case .csv:
            try destination.write(SensitivityRendering.csv(report))
        }
        RunWarnings.emit(report.warnings, shown: format == .table && destination.isStandardOutput)
    }
}
