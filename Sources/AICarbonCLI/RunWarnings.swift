import AICarbon
import Foundation

/// A run's warnings (``EstimateReport/warnings``: a precision target `--max-samples` stopped first, means the
/// samples cannot estimate) on standard error when the output does not already show them (a table printed to
/// the terminal does; JSON, CSV, HTML and files do not).
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
