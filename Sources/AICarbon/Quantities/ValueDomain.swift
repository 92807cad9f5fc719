/// The physically meaningful range of an input, checked after parsing.
public enum ValueDomain: Sendable, Hashable {
    /// Greater than zero.
    case positive
    /// Zero or more.
    case nonNegative
    /// At least 1 (PUE, overhead and development multipliers).
    case atLeastOne
    /// Greater than 0 and at most 1 (utilizations, MFU).
    case unitInterval
    /// At least 0 and less than 1 (an inference share of lifetime energy).
    case share
    /// A whole number of at least 1 (chip counts).
    case positiveInteger
    /// Any finite number (elasticities).
    case real

    /// The range in words, for error messages.
    public var text: String {
        switch self {
        case .positive: return "greater than 0"
        case .nonNegative: return "0 or more"
        case .atLeastOne: return "at least 1"
        case .unitInterval: return "greater than 0 and at most 1"
        case .share: return "at least 0 and below 1"
        case .positiveInteger: return "a whole number of at least 1"
        case .real: return "any finite number"
        }
    }

    /// Whether `value` lies in the domain.
    /// - Parameter value: A value in base units.
    /// - Returns: `true` if the value is allowed.
    public func contains(_ value: Double) -> Bool {
        switch self {
        case .positive: return value > 0
        case .nonNegative: return value >= 0
        case .atLeastOne: return value >= 1
        case .unitInterval: return value > 0 && value <= 1
        case .share: return value >= 0 && value < 1
        case .positiveInteger: return value >= 1 && value.rounded() == value
        case .real: return value.isFinite
        }
    }
}
