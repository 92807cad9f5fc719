import Foundation

/// The planning-mode prior for effective utilisation `u_eff`, used in place of the MFU prior when a
/// planner gives parameters (or FLOPs) and tokens but no `--mfu`.
///
/// `u_eff` is defined by what published training runs really used:
/// `chip_hours = 6 × N_active × D / (peak × u_eff) / 3600`, with `peak` the accelerator's dense BF16
/// FLOP/s. Unlike a paper's MFU for a clean final run, it carries restarts, evaluation, checkpointing,
/// mid-training and long-context stages, which is why it is lower (issue 12).
///
/// Model (fitted by `scripts/calibrate_planning.py` on `data/calibration-2025.csv`, documented in
/// `docs/calibration-v2.md`): for accelerators released in 2020 or later,
///
///     log u_eff = b0 + b1·x + b2·A + b3·A·x + b4·R + family effect + run effect,
///     x = ln(N_active / 10¹⁰),  A = 1 for a 2020–2021 accelerator (A100 era), R = 1 if pruned/distilled,
///
/// a Bayesian hierarchical regression on 22 published runs (Llama 2, 3, 3.1, 3.2, 4; Granite 3.0;
/// SmolLM3; DeepSeek-V3; LLaMA; OPT; BLOOM) in which runs of one release family share an effect. A new
/// run's predictive is summarised as a lognormal, `log u ~ N(xᵀb, s² + xᵀVx)` (its 5th/50th/95th
/// percentiles within 0.04 in log units of the full predictive), truncated to (0, ``maximumUtilization``].
/// Mixture of experts
/// enters through `N_active` only: a separate MoE flag gets −0.33 ± 0.21 (factor 0.72, not resolved by
/// four MoE runs) and widens the leave-one-out intervals from 3.7 to 4.1, so it is left out.
///
/// Accelerators released before 2020 use a size-free prior fitted to Patterson et al. 2021 Table 4
/// (T5, Meena, GShard, Switch, GPT-3). When only FLOPs are known on newer hardware, a size-free fit of
/// the same 22 runs is used.
public enum PlanningPrior {
    /// Upper bound of `u_eff`, 0.6: effective utilisation cannot exceed a final run's MFU, and no large
    /// training run reports MFU much above 0.55 (MegaScale, Jiang et al. 2024: 55.2% for 175B on 12,288
    /// GPUs; PaLM 46.2%, Chowdhery et al. 2022). Chosen before fitting.
    public static let maximumUtilization = 0.6

    /// A fitted log-linear prior: `log u ~ N(xᵀ coefficients, residualScale² + xᵀ covariance x)`.
    public struct Fit: Sendable, Hashable {
        /// Names of the regressors after the intercept, in order.
        public var features: [String]
        /// Posterior mean coefficients, intercept first.
        public var coefficients: [Double]
        /// Posterior covariance of the coefficients.
        public var covariance: [[Double]]
        /// Residual scale `s` (between-family and within-family spread), log units.
        public var residualScale: Double

        /// The mean and standard deviation of `log u` at regressors `x` (intercept included as `x[0] = 1`).
        /// - Parameter x: Regressor values, intercept first; same length as ``coefficients``.
        /// - Returns: `(mu, sigma)` of the normal for `log u`.
        public func logMoments(_ x: [Double]) -> (mu: Double, sigma: Double) {
            precondition(x.count == coefficients.count, "regressor count")
            var mu = 0.0, quadratic = 0.0
            for i in x.indices {
                mu += x[i] * coefficients[i]
                for j in x.indices { quadratic += x[i] * covariance[i][j] * x[j] }
            }
            return (mu, (residualScale * residualScale + quadratic).squareRoot())
        }
    }

    /// Accelerator generations the prior distinguishes, by release year.
    public enum Generation: String, Sendable, CaseIterable {
        /// Released before 2020 (V100, TPU v2–v3, P100, T4).
        case before2020 = "pre-2020"
        /// Released 2020–2021 (A100 era).
        case a100Era = "A100 era (2020-2021)"
        /// Released 2022 or later (H100 era and newer; B200 and later are extrapolated).
        case h100Era = "H100 era (2022+)"

        /// The generation of an accelerator released in `year`.
        public init(releaseYear year: Int) {
            self = year < 2020 ? .before2020 : (year < 2022 ? .a100Era : .h100Era)
        }
    }

    /// Size-dependent fit on 22 runs, accelerators released 2020+: regressors
    /// `[1, ln(N_active/1e10), A100, A100·ln(N_active/1e10), distilled]`.
    public static let sizeFit = Fit(
        features: ["ln(N_active/1e10)", "A100 era", "A100 era x ln(N_active/1e10)", "pruned/distilled"],
        coefficients: [-1.447236, 0.23414, 0.352776, -0.237268, -0.628138],
        covariance: [
            [0.024509, 0.000835, -0.022065, -0.000718, -0.015484],
            [0.000835, 0.003217, -0.003478, -0.002211, 0.00499],
            [-0.022065, -0.003478, 0.068282, -0.006514, 0.004495],
            [-0.000718, -0.002211, -0.006514, 0.007306, -0.001751],
            [-0.015484, 0.00499, 0.004495, -0.001751, 0.12687],
        ],
        residualScale: 0.398778)

    /// Size-free fit on the same 22 runs, for FLOPs given without parameters: regressors
    /// `[1, A100, distilled]`.
    public static let flopsFit = Fit(
        features: ["A100 era", "pruned/distilled"],
        coefficients: [-1.476261, 0.440338, -0.926667],
        covariance: [
            [0.020551, -0.018464, -0.014845],
            [-0.018464, 0.045398, 0.008956],
            [-0.014845, 0.008956, 0.111167],
        ],
        residualScale: 0.429585)

    /// Pre-2020 accelerators: Student-t predictive (4 degrees of freedom) of `log u` from Patterson et
    /// al. 2021 Table 4 (location −1.17804, scale 0.309778, t₀.₉₅ = 2.131847), as the lognormal with the
    /// same 5th and 95th percentiles.
    public static let before2020 = (mu: -1.17804, sigma: 0.309778 * 2.131847 / Distribution.z95)

    /// Leave-one-out figures of ``sizeFit`` (each run predicted by the model refitted without it):
    /// runs whose published accelerator-hours fell inside the 90% interval, runs, and the geometric-mean
    /// width p95/p05 of chip-hours. Reproduced by `python3 scripts/calibrate_planning.py`.
    public static let leaveOneOut = (inside: 22, runs: 22, width: 3.71)
    /// Leave-one-out figures on the nine runs of the "Calibration set 2025" (REFERENCE-FIGURES.md).
    public static let leaveOneOutCalibrationSet2025 = (inside: 9, runs: 9, width: 3.98)

    /// The normal for `log u_eff` of a planned run.
    /// - Parameters:
    ///   - activeParameters: Active parameters per token (the total for a dense model), or `nil` when only
    ///     FLOPs are known.
    ///   - releaseYear: The accelerator's release year.
    ///   - distilled: Whether the model is pruned and distilled from a larger one (Llama 3.2 1B/3B recipe).
    /// - Returns: `(mu, sigma)` of `log u_eff` before truncation at ``maximumUtilization``.
    public static func logMoments(activeParameters: Double?, releaseYear: Int, distilled: Bool = false) -> (mu: Double, sigma: Double) {
        let generation = Generation(releaseYear: releaseYear)
        if generation == .before2020 { return before2020 }
        let a100 = generation == .a100Era ? 1.0 : 0.0
        let r = distilled ? 1.0 : 0.0
        guard let n = activeParameters, n > 0 else { return flopsFit.logMoments([1, a100, r]) }
        let x = Foundation.log(n / 1e10)
        return sizeFit.logMoments([1, x, a100, a100 * x, r])
    }

    /// The u_eff prior as a distribution: lognormal truncated to (0, ``maximumUtilization``].
    /// - Parameters:
    ///   - activeParameters: Active parameters, or `nil` when only FLOPs are known.
    ///   - releaseYear: The accelerator's release year.
    ///   - distilled: Whether the model is pruned/distilled from a larger one.
    /// - Returns: `truncated(lognormal, 0, 0.6)`.
    public static func distribution(activeParameters: Double?, releaseYear: Int, distilled: Bool = false) -> Distribution {
        let (mu, sigma) = logMoments(activeParameters: activeParameters, releaseYear: releaseYear, distilled: distilled)
        return .truncated(.lognormal(mu: mu, sigma: sigma), lower: 0, upper: maximumUtilization)
    }

    /// The planning prior for the `mfu` input with the text a report shows: which prior, and why.
    /// - Parameters:
    ///   - activeParameters: Active parameters per token, or `nil` when only FLOPs are given.
    ///   - totalParameters: Total parameters (`--params`); a mixture of experts when above `activeParameters`.
    ///   - releaseYear: The accelerator's release year.
    ///   - accelerator: The accelerator's name, for the text.
    ///   - distilled: Whether the model is pruned/distilled from a larger one.
    /// - Returns: The assumption (input `mfu`, dimensionless).
    public static func utilization(
        activeParameters: Double?, totalParameters: Double?, releaseYear: Int, accelerator: String,
        distilled: Bool = false
    ) -> Assumption {
        let generation = Generation(releaseYear: releaseYear)
        let d = distribution(activeParameters: activeParameters, releaseYear: releaseYear, distilled: distilled)
        let (_, sigma) = logMoments(activeParameters: activeParameters, releaseYear: releaseYear, distilled: distilled)
        let median = d.quantile(0.5), low = d.quantile(0.05), high = d.quantile(0.95)
        var why: [String] = []
        if generation == .before2020 {
            why.append("\(accelerator), \(generation.rawValue): fitted to T5, Meena, GShard, Switch, GPT-3 (Patterson et al. 2021, Table 4)")
        } else {
            if let n = activeParameters, n > 0 {
                let moe = (totalParameters ?? n) > n * (1 + 1e-9)
                why.append("\(JSONValue.numberText(n / 1e9))B active parameters\(moe ? " (mixture of experts: active parameters carry the effect)" : " (dense)")")
            } else {
                why.append("FLOPs without parameters (size-free fit)")
            }
            why.append("\(accelerator), \(generation.rawValue)")
            if distilled { why.append("pruned/distilled recipe (Llama 3.2 1B/3B: about half the utilisation)") }
            let loo = leaveOneOut
            why.append("fitted to the accelerator-hours of \(loo.runs) published runs (Llama 2-4, Granite 3.0, SmolLM3, DeepSeek-V3, LLaMA, OPT, BLOOM); "
                       + "leave-one-out \(loo.inside)/\(loo.runs) inside, width p95/p05 \(JSONValue.numberText(loo.width))")
        }
        let text = "planning effective utilisation (published accelerator-hours: restarts, evaluation, later stages included): "
            + "median \(Self.rounded(median)), 90% \(Self.rounded(low)) to \(Self.rounded(high)) (lognormal gsd \(Self.rounded(Foundation.exp(sigma))), at most 0.6); "
            + why.joined(separator: "; ")
        return Assumption(input: "mfu", distribution: d, unit: "", source: text)
    }

    private static func rounded(_ x: Double) -> String { JSONValue.numberText((x * 1000).rounded() / 1000) }
}
