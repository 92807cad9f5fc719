import AICarbon
import ArgumentParser

/// `aicarbon run FILE`: run a scenario file (YAML or JSON).
public struct RunCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a scenario file (YAML or JSON); same outputs and formats as estimate.",
        discussion: "The schema is in Scenarios/README.md. Simulation flags override the file's simulation: section.")

    @Argument(help: "Scenario file (.yaml, .yml or .json).")
    var file: String
    @Option(help: "Output format: table, json or csv.")
    var format: FormatOption = .table
    @OptionGroup var simulation: SimulationOptions

    public init() {}

    public func run() throws {
        let scenario = try ScenarioFile.load(file)
        let catalog = try Catalog.bundled()
        let bar = ProgressBar()
        let report = try scenario.run(catalog: catalog, settings: simulation.settings(file: scenario.simulation),
                                      percentiles: simulation.extraPercentiles(), progress: { bar.update($0) })
        bar.finish()
        if format == .table {
            print("scenario: \(scenario.name)" + (scenario.description.map { " — \($0)" } ?? ""))
        }
        print(report.rendered(format.format), terminator: "")
    }
}
