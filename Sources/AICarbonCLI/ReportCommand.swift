import AICarbon
import ArgumentParser
import Foundation

/// `aicarbon report FILE --output report.html`: one self-contained HTML page for a scenario.
public struct ReportCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML report of a scenario: results, charts, inputs and assumptions with sources, reproducibility.",
        discussion: """
            Nothing in the page is loaded from the network; it prints well. Example:
              aicarbon report Scenarios/iea-base-2024-2035.yaml --output iea-base.html
            """)

    @Argument(help: "Scenario file (.yaml, .yml or .json).")
    var file: String
    @Option(name: [.customShort("o"), .customLong("output"), .customLong("output-file")],
            help: ArgumentHelp("The HTML file to write (atomically: completely or not at all); - is standard output.", valueName: "file"))
    var output: String
    @Option(name: .customLong("set"), help: "Override a scenario value: key=value (repeatable).")
    var overrides: [String] = []
    @OptionGroup var simulation: SimulationOptions

    public init() {}

    public func run() throws {
        let destination = OutputDestination(path: output, spellings: ["--output", "--output-file", "-o"])
        try destination.check(scenarios: [file])
        try FlagNames.run {
            let document = try ScenarioFile.loadDocument(file, overrides: try ScenarioOverrides.parse(overrides))
            let bar = ProgressBar()
            let result = try RunCommand.execute(document, catalog: try Catalog.bundled(), simulation: simulation, progress: { bar.update($0) })
            bar.finish()
            RunWarnings.emit(result.warnings, shown: false)
            let description: String?
            switch document {
            case .estimate(let s): description = s.description
            case .projection(let p): description = p.description
            }
            // Which assumption drives the result: the tornado (2d + 1 model runs) and the rank shares of the main
            // output (CO2e for an estimate, energy for a projection), in the last year of a projection.
            let settings = try simulation.settings(file: document.simulation)
            let mainOutput: OutputName
            if case .projection = document { mainOutput = .energyKWh } else { mainOutput = .co2eKg }
            let catalog = try Catalog.bundled()
            let tornado = try Sensitivity.analyse(document, catalog: catalog, method: .tornado, output: mainOutput.rawValue, settings: settings)
            let rank = try Sensitivity.analyse(document, catalog: catalog, method: .rank, output: mainOutput.rawValue, settings: settings)
            let sensitivity = ImportanceChart(tornado, title: document.name).rendered()
                + "<figcaption>Each input alone at its 5th and 95th percentile, every other input at its median.</figcaption>\n"
                + "<pre>\(HTMLRenderer.escaped(SensitivityRendering.table(rank)))</pre>\n"
            let renderer = HTMLRenderer(description: description, command: Self.commandLine(),
                                        sections: [(title: "Which assumption drives the result", html: "<figure>\n\(sensitivity)</figure>\n")])
            let html: String
            switch result {
            case .estimate(let r): html = r.rendered(by: renderer)
            case .projection(let r): html = r.rendered(by: renderer)
            }
            try destination.write(html)
            if !destination.isStandardOutput { print("wrote \(output)") }
        }
    }

    /// The command as typed, each argument quoted where the shell would need it.
    static func commandLine() -> String {
        (["aicarbon"] + CommandLine.arguments.dropFirst()).map { argument in
            argument.allSatisfy { $0.isLetter || $0.isNumber || "-_./=:@%,".contains($0) } ? argument
                : "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }.joined(separator: " ")
    }
}
