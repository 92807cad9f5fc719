import AICarbon

/// The report of either kind of scenario.
enum RunResult {
    case estimate(EstimateReport)
    case projection(ProjectionReport)

    /// The warning of a run that missed its precision target (``EstimateReport/notMetWarning``), or nil.
    var notMetWarning: String? {
        switch self {
        case .estimate(let r): return r.notMetWarning
        case .projection(let r): return r.notMetWarning
        }
    }

    func rendered(_ format: OutputFormat) -> String {
        switch self {
        case .estimate(let r): return r.rendered(format)
        case .projection(let r): return r.rendered(format)
        }
    }
}
