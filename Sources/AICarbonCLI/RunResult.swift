import AICarbon

/// The report of either kind of scenario.
enum RunResult {
    case estimate(EstimateReport)
    case projection(ProjectionReport)

    func rendered(_ format: OutputFormat) -> String {
        switch self {
        case .estimate(let r): return r.rendered(format)
        case .projection(let r): return r.rendered(format)
        }
    }
}
