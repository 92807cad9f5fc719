import Foundation

/// Finds outputs whose mean, or whose mean's standard error, the samples cannot estimate. An output that
/// grows like p⁻ᵇ in one tail of an input, at probability p of that input, has an infinite mean when b ≥ 1
/// and an infinite variance when b ≥ ½; a finite sample still prints a finite mean ± mcse, which then
/// means nothing (b ≥ 1) or claims a precision the mean does not have (½ ≤ b < 1: the central limit
/// theorem the mcse rests on needs a finite variance). An MFU prior with density at 0 (`uniform(0, 1)`,
/// `beta(1, 3)`) does the first to every training output, which varies as 1/MFU; `beta(1.2, 3)` the
/// second; so does a lognormal of absurd spread (geometric SD in the hundreds) in a numerator.
///
/// The test is one input at a time, every other input at its median (as ``TornadoSensitivity``): with
/// y(p) the output at the input's quantile p, E[y] over the input is ∫₀¹ y(p) dp and E[y²] is
/// ∫₀¹ y(p)² dp, which diverge at 0 when y(p) ≥ C p⁻ᵇ with b ≥ 1, respectively b ≥ ½ (and likewise at 1 in
/// 1 − p). The exponent is read off two deep quantiles, b = ln(y(p₂) / y(p₁)) / ln(p₁ / p₂) at p₁ = 10⁻⁸
/// and p₂ = 10⁻¹¹, and flagged from 95% of each bound (uniform(0, 1) under 1/x gives b = 1 exactly; a
/// lognormal of log-sd σ gives b ≈ 0.14σ). An output that is not finite at the deeper quantile is flagged
/// as an infinite mean. Declared correlations are not applied: two inputs that diverge only together
/// are not seen.
enum MeanDivergence {
    /// One finding: an output whose mean cannot be estimated, the input and the tail responsible.
    struct Finding: Hashable {
        /// The output's name (``SimulationProblem/outputs``).
        var output: String
        /// The first year it applies to (a projection), or nil.
        var year: Int?
        /// The input's name.
        var input: String
        /// Whether the output diverges in the input's upper tail (else its lower tail).
        var upperTail: Bool
        /// Whether its mean is infinite (b ≥ 1), else only its variance (½ ≤ b < 1).
        var infiniteMean: Bool
    }

    /// The two probabilities the exponent is read from (p₁, p₂).
    static let depths = (shallow: 1e-8, deep: 1e-11)
    /// The smallest exponents flagged: 95% of the bounds for an infinite mean (1) and variance (½).
    static let thresholds = (mean: 0.95, variance: 0.475)

    /// The findings of `problem`, one per output and (input, tail), at the output's first year.
    /// - Parameter problem: The resolved problem.
    /// - Returns: Findings in input, tail and output order; empty when every mean is estimable.
    static func find(_ problem: SimulationProblem) -> [Finding] {
        let d = problem.inputs.count, m = problem.model.outputCount, rows = 4 * d
        guard d > 0, m > 0 else { return [] }
        let x = UnsafeMutablePointer<Double>.allocate(capacity: d * rows)
        let y = UnsafeMutablePointer<Double>.allocate(capacity: m * rows)
        let pointers = UnsafeMutablePointer<UnsafeMutablePointer<Double>>.allocate(capacity: m)
        defer { x.deallocate(); y.deallocate(); pointers.deallocate() }
        // Rows 4j … 4j + 3: input j at p₁, p₂, 1 − p₁, 1 − p₂; every other input at its median.
        let probabilities = [depths.shallow, depths.deep, 1 - depths.shallow, 1 - depths.deep]
        var usable = [Bool](repeating: true, count: d)
        for (j, input) in problem.inputs.enumerated() {
            (x + j * rows).update(repeating: input.distribution.median, count: rows)
            for (r, p) in probabilities.enumerated() {
                let q = input.distribution.quantile(p)
                x[j * rows + 4 * j + r] = q
                if !q.isFinite { usable[j] = false }
            }
        }
        // An input whose deep quantiles GSL cannot give is left out (the engine reports it if sampled there).
        for j in 0..<d where !usable[j] {
            for i in 0..<d { (x + i * rows + 4 * j).update(repeating: problem.inputs[i].distribution.median, count: 4) }
        }
        for c in 0..<m { pointers[c] = y + c * rows }
        problem.model.evaluate(inputs: x, count: rows, outputs: UnsafeMutableBufferPointer(start: pointers, count: m))
        // Per model column, input and tail: the exponent b (infinity when the deeper value is not finite).
        func exponent(_ c: Int, _ j: Int, upper: Bool) -> Double {
            guard usable[j] else { return 0 }
            let base = c * rows + 4 * j + (upper ? 2 : 0)
            let shallow = abs(y[base]), deep = abs(y[base + 1])
            guard deep.isFinite else { return .infinity }
            guard shallow.isFinite, shallow > 0, deep > shallow else { return 0 }
            return log(deep / shallow) / log(depths.shallow / depths.deep)
        }
        var findings: [Finding] = []
        for j in 0..<d {
            for upper in [false, true] {
                for (o, name) in problem.outputs.enumerated() {
                    // The first year the output is flagged, and whether its mean (not only its variance) is infinite.
                    var first: (year: Int, mean: Bool)?
                    for t in problem.sources.indices {
                        guard case .column(let c) = problem.sources[t][o] else { continue }
                        let b = exponent(c, j, upper: upper)
                        if b >= thresholds.mean { first = (first?.year ?? t, true); break }
                        if b >= thresholds.variance, first == nil { first = (t, false) }
                    }
                    if let first {
                        findings.append(Finding(output: name, year: problem.years.isEmpty ? nil : problem.years[first.year],
                                                input: problem.inputs[j].name, upperTail: upper, infiniteMean: first.mean))
                    }
                }
            }
        }
        return findings
    }

    /// The warnings of `problem`'s findings: one line per input, tail and kind (infinite mean, infinite
    /// variance), naming the outputs.
    /// - Parameter problem: The resolved problem.
    /// - Returns: Lines without newlines; empty when every mean and mcse is estimable.
    static func warnings(_ problem: SimulationProblem) -> [String] {
        let findings = find(problem)
        var lines: [String] = []
        var seen: Set<String> = []
        for finding in findings where seen.insert("\(finding.input) \(finding.upperTail) \(finding.infiniteMean)").inserted {
            let group = findings.filter {
                $0.input == finding.input && $0.upperTail == finding.upperTail && $0.infiniteMean == finding.infiniteMean
            }
            let outputs = group.map { $0.output + ($0.year.map { " (from \($0))" } ?? "") }.joined(separator: ", ")
            let distribution = problem.inputs.first { $0.name == finding.input }
                .map { " = \($0.distribution)" + ($0.unit.isEmpty ? "" : " \($0.unit)") } ?? ""
            let tail = "in the \(finding.upperTail ? "upper" : "lower") tail of \(finding.input)\(distribution)"
            if finding.infiniteMean {
                lines.append("warning: mean and mcse not meaningful for \(outputs): they grow like 1/p or faster \(tail), so the mean is "
                             + "infinite or beyond what sampling can estimate; read the median and percentiles")
            } else {
                lines.append("warning: mcse not meaningful for \(outputs): they grow like 1/√p or faster \(tail), so the variance is "
                             + "infinite or beyond what sampling can estimate and the mean converges more slowly than its mcse says; "
                             + "read the median and percentiles")
            }
        }
        return lines
    }
}
