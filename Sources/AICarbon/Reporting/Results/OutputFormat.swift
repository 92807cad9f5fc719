/// How a report is written.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Aligned text with readable units.
    case table
    /// JSON, values in base units.
    case json
    /// Comma-separated values, base units.
    case csv
}
