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
    @Option(name: .shortAndLong, help: "The HTML file to write (written completely or not at all).")
    var output: String
    @Option(name: .customLong("set"), help: "Override a scenario value: key=value (repeatable).")
    var overrides: [String] = []
    @OptionGroup var simulation: SimulationOptions

    public init() {}

    public func run() throws {
        try FlagNames.run {
            let document = try ScenarioFile.loadDocument(file, overrides: try ScenarioOverrides.parse(overrides))
            let bar = ProgressBar()
            let result = try RunCommand.execute(document, catalog: try Catalog.bundled(), simulation: simulation, progress: { bar.update($0) })
            bar.finish()
            let description: String?
            switch document {
            case .estimate(let s): description = s.description
            case .projection(let p): description = p.description
            }
            let renderer = HTMLRenderer(description: description, command: Self.commandLine())
            let html: String
            switch result {
            case .estimate(let r): html = r.rendered(by: renderer)
            case .projection(let r): html = r.rendered(by: renderer)
            }
            try AtomicFile.write(html, to: output, field: "output")
            print("wrote \(output)")
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
