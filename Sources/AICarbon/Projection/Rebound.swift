import Foundation

/// The direct rebound effect of an efficiency gain under constant-elasticity demand.
///
/// Source: Sorrell & Dimitropoulos 2008 ("The rebound effect: microeconomic definitions, limitations
/// and extensions", Ecological Economics 65, 636–649), with the energy-efficiency elasticity of
/// demand for the service equal to minus its price elasticity η. When the energy cost of a unit of
/// service falls by a factor `k` (an efficiency gain), demand for the service scales by `k^(−η)`, so
/// energy scales by `k^(−(1+η))` instead of `1/k`:
/// - expected saving (engineering estimate) `1 − 1/k`;
/// - actual saving `1 − k^(−(1+η))`;
/// - rebound `R = 1 − actual / expected`; for small gains `R ≈ −η`.
public struct Rebound: Sendable, Hashable {
    /// How a rebound effect is classified (Saunders 2000; Sorrell 2007).
    public enum Class: String, Sendable, CaseIterable {
        /// R < 0: demand falls; energy falls more than expected.
        case superConservation = "super-conservation"
        /// R = 0: energy falls exactly as expected.
        case none
        /// 0 < R < 1: part of the expected saving is taken back.
        case partial
        /// R = 1: the whole saving is taken back.
        case full
        /// R > 1: energy use rises (the Jevons paradox).
        case backfire

        /// One line a student can read.
        public var explanation: String {
            switch self {
            case .superConservation: return "R < 0: demand falls as well; energy falls by more than the efficiency gain alone"
            case .none: return "R = 0: demand does not respond; energy falls exactly as engineering estimates say"
            case .partial: return "0 < R < 1: more demand takes back part of the saving, but energy still falls"
            case .full: return "R = 1: more demand takes back the whole saving; energy is unchanged"
            case .backfire: return "R > 1: demand grows so much that energy use rises (the Jevons paradox)"
            }
        }
    }

    /// Efficiency gain `k` (energy per unit of service falls to 1/k), > 0.
    public var efficiencyGain: Double
    /// Price elasticity of demand for the service, η (usually ≤ 0).
    public var elasticity: Double

    /// Creates the model.
    public init(efficiencyGain: Double, elasticity: Double) {
        self.efficiencyGain = efficiencyGain
        self.elasticity = elasticity
    }

    /// Demand multiplier `k^(−η)`.
    public var demandFactor: Double { Self.demandFactor(efficiencyGain, elasticity) }
    /// Energy multiplier with rebound, `k^(−(1+η))`.
    public var energyFactor: Double { Foundation.pow(efficiencyGain, -(1 + elasticity)) }
    /// Expected saving `1 − 1/k` (a fraction of the original energy).
    public var expectedSaving: Double { 1 - 1 / efficiencyGain }
    /// Actual saving `1 − k^(−(1+η))`.
    public var actualSaving: Double { 1 - energyFactor }
    /// Rebound effect `R = 1 − actual / expected`; `−η` in the limit k → 1, 0 at k = 1 exactly.
    public var rebound: Double { Self.rebound(efficiencyGain, elasticity) }
    /// The class of `rebound`, with `none` only when demand does not respond either
    /// (``classify(_:demandFactor:)``). The classes describe an efficiency gain (`k ≥ 1`); for a loss (`k < 1`)
    /// energy per unit of service rises and they do not apply (`aicarbon rebound` refuses such a `k`).
    public var reboundClass: Class { Self.classify(rebound, demandFactor: demandFactor) }

    /// `k^(−η)`.
    public static func demandFactor(_ k: Double, _ eta: Double) -> Double { Foundation.pow(k, -eta) }

    /// `R = 1 − (1 − k^(−(1+η))) / (1 − 1/k)`, in a form that does not cancel near `k = 1`:
    /// with `L = ln k`, `R = −e^(−L) · expm1(−η L) / expm1(−L)`, which tends to `−η` as `k → 1`.
    ///
    /// With no efficiency gain at all (`k = 1` exactly) nothing is saved and nothing taken back: `R = 0`
    /// (class `none`). The result is not finite when `k^(−η)` overflows; callers refuse such inputs.
    public static func rebound(_ k: Double, _ eta: Double) -> Double {
        if k == 1 || eta == 0 { return 0 }
        // ln k to full relative accuracy near 1 (k − 1 is exact there).
        let l = (0.5...2).contains(k) ? Foundation.log1p(k - 1) : Foundation.log(k)
        return -Foundation.exp(-l) * Foundation.expm1(-eta * l) / Foundation.expm1(-l)
    }

    /// The class of a rebound value `r` whose demand factor `k^(−η)` is `demand`: as ``classify(_:)``, but `none`
    /// (R = 0, "demand does not respond") also needs demand within 1e-9 of unchanged. `R = (k^(−η) − 1) / (k − 1)`
    /// shrinks like 1/k for any elasticity above −1, so for a huge gain a demand that responds gives an R within
    /// the tolerance of 0: `k = 1e308`, `η = 0.5` gives R = −1e-308 (exactly, to its digits) with demand falling to
    /// 1e-154 of what it was, which is super-conservation, and `η = −0.5` gives R = 1e-154 with demand 1e154 times
    /// higher, a partial rebound; both were classed `none`. For `k ≤ 2`, |R| ≤ 1e-9 already keeps demand within
    /// 1e-9 of unchanged, so the classes there are those of ``classify(_:)``.
    /// - Parameters:
    ///   - r: The rebound R.
    ///   - demand: The demand factor `k^(−η)`.
    /// - Returns: The class.
    public static func classify(_ r: Double, demandFactor demand: Double) -> Class {
        let byRebound = classify(r)
        guard byRebound == .none, r != 0, abs(demand - 1) > 1e-9 else { return byRebound }
        return r < 0 ? .superConservation : .partial
    }

    /// The class of a rebound value, with a tolerance of 1e-9 for `none` and `full`.
    public static func classify(_ r: Double) -> Class {
        if abs(r) <= 1e-9 { return .none }
        if abs(r - 1) <= 1e-9 { return .full }
        if r < 0 { return .superConservation }
        return r < 1 ? .partial : .backfire
    }
}
