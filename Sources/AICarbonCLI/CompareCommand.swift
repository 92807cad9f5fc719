import AICarbon
import ArgumentParser

/// `aicarbon compare A B`: two projections on common random numbers.
public struct CompareCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two projection scenarios on common random numbers: paired difference A - B per year and P(A < B).",
        discussion: "Both must cover the same years. Each named uncertain input draws the same random numbers in both runs.")

    @Argument(help: "Scenario A (projection).")
    var a: String
    @Argument(help: "Scenario B (projection).")
    var b: String
    @Option(name: .customLong("set"), help: "Override a value in both scenarios: key=value (repeatable).")
    var overrides: [String] = []
    @Option(help: "Output format: table, json or csv.")
    var format: FormatOption = .table
    @OptionGroup var simulation: SimulationOptions

    public init() {}

    public func run() throws {
        let sets = try ScenarioOverrides.parse(overrides)
        let catalog = try Catalog.bundled()
        func projection(_ path: String) throws -> ProjectionScenario {
            guard case .projection(let p) = try ScenarioFile.loadDocument(path, overrides: sets) else {
                throw InputError(field: "FILE", expected: "a projection scenario (kind: projection)", found: "a single-model scenario",
                                 location: InputLocation(file: path))
            }
            return p
        }
        let pa = try projection(a), pb = try projection(b)
        let report = try Projection.compare((pa.spec, pa.name, pa.targetYears), (pb.spec, pb.name, pb.targetYears), catalog: catalog,
                                            settings: simulation.settings(file: pa.simulation))
        print(report.rendered(format.format), terminator: "")
    }
}
