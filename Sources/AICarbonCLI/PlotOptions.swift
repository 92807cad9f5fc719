import AICarbon
import ArgumentParser

/// `--plot FILE.svg` and `--plot-output NAME`, shared by the commands that draw.
struct PlotOptions: ParsableArguments {
    @Option(help: "Also write a chart of the result as SVG to this file (written completely or not at all).")
    var plot: String?
    @Option(name: .customLong("plot-output"), help: "The output the chart shows (default co2e_kg for estimates, energy_kwh for projections).")
    var plotOutput: String?

    /// The output to draw, checked against the outputs the result has.
    /// - Parameter available: The result's outputs.
    func output(among available: [OutputName]) throws(InputError) -> OutputName? {
        guard let plotOutput else { return nil }
        guard let name = OutputName(rawValue: plotOutput), available.contains(name) else {
            throw InputError(field: "--plot-output", expected: "an output of this result (\(available.map(\.rawValue).joined(separator: ", ")))",
                             found: "\"\(plotOutput)\"")
        }
        return name
    }

    /// Refuses, before any work, a `--plot` the run could not write (as ``OutputDestination/check(scenarios:plot:)``
    /// refuses `-o`: a name that is not `.svg`, a missing folder, a folder, a file or folder this user may not
    /// write, a scenario being read), and `--plot-output` without `--plot`.
    /// - Parameter scenarios: The scenario files the command reads.
    /// - Throws: ``InputError`` naming `--plot` or `--plot-output`.
    func check(scenarios: [String] = []) throws(InputError) {
        if plot == nil, plotOutput != nil {
            throw InputError(field: "--plot-output", expected: "it only with --plot FILE.svg", found: "no --plot")
        }
        try Self.check(plot, scenarios: scenarios)
    }

    /// Refuses, before any work, a chart file that could not be written (``check(scenarios:)``); nothing
    /// when `plot` is `nil`.
    /// - Parameters:
    ///   - plot: The `--plot` file, if any.
    ///   - scenarios: The scenario files the command reads.
    /// - Throws: ``InputError`` naming `--plot`.
    static func check(_ plot: String?, scenarios: [String]) throws(InputError) {
        guard let plot else { return }
        guard plot.lowercased().hasSuffix(".svg") else {
            throw InputError(field: "--plot", expected: "a file name ending in .svg (the chart is SVG)", found: "\"\(plot)\"")
        }
        try OutputDestination(path: plot, spellings: ["--plot"]).check(scenarios: scenarios)
    }

    /// Writes the chart `render` draws, when `--plot` was given; the command has called ``check(scenarios:)``
    /// before its work (the name, the folder and `--plot-output` without `--plot` are not checked again).
    /// - Parameters:
    ///   - available: The result's outputs (for `--plot-output`).
    ///   - render: Draws the chart with the chosen output (`nil`: the default).
    func write(available: [OutputName], _ render: (OutputName?) -> String) throws(InputError) {
        guard let plot else { return }
        try AtomicFile.write(render(try output(among: available)), to: plot, field: "--plot")
    }
}
