/// Rebound cases (``Rebound``) to present: renderers give a table with the classes explained, JSON or
/// CSV.
public struct ReboundReport: Sendable {
    /// The cases.
    public var cases: [Rebound]
    /// Whether one case was asked for (JSON is then a single object).
    public var single: Bool

    /// Creates a report.
    public init(cases: [Rebound], single: Bool) {
        self.cases = cases
        self.single = single
    }
}
