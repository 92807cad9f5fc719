import AICarbon
import Foundation

/// A run's warnings (``EstimateReport/warnings``: a precision target `--max-samples` stopped first, means or
/// mcse the samples cannot estimate) on standard error unless a table printed to the terminal already shows
/// them: JSON lists them under `warnings` and the HTML report under its results, but a script or a file
/// written with `-o` is not read by the person who ran the command, so standard error says it too.
enum RunWarnings {
    /// Writes `warnings` to standard error, one a line, unless the printed output holds them.
    /// - Parameters:
    ///   - warnings: The report's warnings (nothing is written when empty).
    ///   - shown: Whether the output printed to standard output is a table, which holds them.
    static func emit(_ warnings: [String], shown: Bool) {
        guard !warnings.isEmpty, !shown else { return }
        FileHandle.standardError.write(Data(warnings.map { TableRenderer.terminalSafe($0) + "\n" }.joined().utf8))
    }
}
