import Foundation

/// The warning of a run that stopped at `--max-samples` before meeting `--until`, on standard error when the
/// output does not already show it (a table printed to the terminal does; JSON, CSV, HTML and files do not).
enum TargetWarning {
    /// Writes `warning` to standard error unless the printed output holds it.
    /// - Parameters:
    ///   - warning: The report's ``EstimateReport/notMetWarning``, or nil (nothing is written).
    ///   - shown: Whether the output printed to standard output is a table, which holds the warning.
    static func emit(_ warning: String?, shown: Bool) {
        guard let warning, !shown else { return }
        FileHandle.standardError.write(Data((warning + "\n").utf8))
    }
}
