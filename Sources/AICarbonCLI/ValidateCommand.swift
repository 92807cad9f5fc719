import AICarbon
import ArgumentParser

/// `aicarbon validate`: recompute every published reference figure and compare.
public struct ValidateCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Recompute the published figures of Strubell 2019, Patterson 2021 and LLaMA 2023; fail if any is out of tolerance.")

    @Option(help: "Output format: table, json or csv.")
    var format: FormatOption = .table

    public init() {}

    public func run() throws {
        let report = ValidationReport()
        print(report.rendered(format.format), terminator: "")
        if !report.allPass { throw ExitCode(1) }
    }
}
