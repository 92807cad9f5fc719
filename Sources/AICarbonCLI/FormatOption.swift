import AICarbon
import ArgumentParser

/// `--format table|json|csv`.
public enum FormatOption: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, json, csv

    var format: OutputFormat {
        switch self {
        case .table: return .table
        case .json: return .json
        case .csv: return .csv
        }
    }
}
