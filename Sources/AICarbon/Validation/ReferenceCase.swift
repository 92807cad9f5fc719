import Foundation

/// A published figure recomputed with its authors' own convention, and the tolerance the paper's
/// rounding allows.
public struct ReferenceCase: Sendable {
    /// Why a case may differ from its published figure.
    public enum ToleranceBasis: Sendable, Hashable {
        /// Half a unit in the last printed digit of the published figure.
        case publishedRounding
        /// Half a unit in the last printed digit of a rounded input (e.g. Patterson's 3.1 days); the
        /// published figure's own rounding is also allowed, whichever is larger.
        case inputRounding(input: String, printed: String)
        /// A relative tolerance stated with its reason (a truncated or inconsistent published figure).
        case stated(relative: Double, reason: String)
    }

    /// Stable identifier, e.g. `patterson-gpt3-co2e`.
    public var id: String
    /// Paper and table.
    public var paper: String
    /// Model or row.
    public var model: String
    /// Unit of the figure as published (`MWh`, `t CO2e`, `kWh·PUE`, `lb CO2e`).
    public var unit: String
    /// The figure exactly as printed, e.g. `"552.1"` or `"626,155"`.
    public var published: String
    /// The figure recomputed, in `unit`.
    public var computed: Double
    /// Tolerance basis.
    public var basis: ToleranceBasis

    /// The published figure as a number.
    public var publishedValue: Double { Double(published.replacingAll(",", with: "")) ?? .nan }

    /// |computed − published| / published.
    public var relativeError: Double { abs(computed - publishedValue) / abs(publishedValue) }

    /// Half a unit in the last printed digit of `printed`, relative to its value.
    static func halfUnitRelative(_ printed: String) -> Double {
        let digits = printed.replacingAll(",", with: "")
        let decimals = digits.split(separator: ".").dropFirst().first?.count ?? 0
        return 0.5 * pow(10, -Double(decimals)) / abs(Double(digits) ?? .nan)
    }

    /// The relative tolerance this case is held to.
    public var tolerance: Double {
        switch basis {
        case .publishedRounding: return Self.halfUnitRelative(published)
        case .inputRounding(_, let printed): return max(Self.halfUnitRelative(published), Self.halfUnitRelative(printed))
        case .stated(let relative, _): return relative
        }
    }

    /// Which rounding sets the tolerance, in words.
    public var basisText: String {
        switch basis {
        case .publishedRounding:
            return "published figure's last digit"
        case .inputRounding(let input, let printed):
            return Self.halfUnitRelative(printed) >= Self.halfUnitRelative(published)
                ? "rounded input \(input) = \(printed)" : "published figure's last digit"
        case .stated(_, let reason):
            return reason
        }
    }

    /// Whether the computed figure is within tolerance.
    public var passes: Bool { relativeError <= tolerance }
}
