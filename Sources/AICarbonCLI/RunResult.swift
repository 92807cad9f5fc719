import AICarbon

/// The report of either kind of scenario.
enum RunResult {
    case estimate(EstimateReport)
    case projection(ProjectionReport)

    /// The run's warnings (``EstimateReport/warnings``): a precision target not met, means that cannot be estimated.
    var warnings: [String] {
        switch self {
        case .estimate(let r): return r.warnings
        case .projection(let r): return r.warnings
        }
    }

    func rendered(_ format: OutputFormat) -> String {
        switch self {
        case .estimate(let r): return r.rendered(format)
        case .projection(let r): return r.rendered(format)
        }
    }
}
