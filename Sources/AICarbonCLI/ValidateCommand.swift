import AICarbon
import ArgumentParser

/// `aicarbon validate`: recompute every published reference figure and compare.
public struct ValidateCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Recompute the published figures of Strubell 2019, Patterson 2021 and LLaMA 2023; fail if any is out of tolerance.")

    @Option(help: "Output format: table, json or csv.")
    var format: FormatOption = .table
    @OptionGroup var outputFile: OutputFileOption

    public init() {}

    public func run() throws {
        let destination = outputFile.destination
        try destination.check()
        let report = ValidationReport()
        try destination.write(report.rendered(format.format))
        if !report.allPass { throw ExitCode(1) }
    }
}
