import Foundation

/// Finds outputs whose mean the samples cannot estimate: an output that grows as fast as 1/p (or faster)
/// in one tail of an input, at probability p of that input, has an infinite mean (or, for a lognormal of
/// absurd spread, one far beyond what any sample size sees), yet every finite sample gives a finite mean
/// and mcse. An MFU prior with mass near 0 (`uniform(0, 1)`, `beta(0.5, 0.5)`) does this to every
/// training output, which varies as 1/MFU.
///
/// The test is one input at a time, every other input at its median (as ``TornadoSensitivity``): with
/// y(p) the output at the input's quantile p, the mean of y over the input is ∫₀¹ y(p) dp, which diverges
/// at 0 when y(p) ≥ C p⁻ᵇ with b ≥ 1 (and likewise at 1 in 1 − p). The exponent is read off two deep
/// quantiles, b = ln(y(p₂) / y(p₁)) / ln(p₁ / p₂) at p₁ = 10⁻⁸ and p₂ = 10⁻¹¹, and flagged from 0.95
/// (uniform(0, 1) under 1/x gives b = 1 exactly; a lognormal of log-sd σ gives b ≈ 0.14σ). An output that
/// is not finite at the deeper quantile is flagged too.
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
    }

    /// The two probabilities the exponent is read from (p₁, p₂).
    static let depths = (shallow: 1e-8, deep: 1e-11)
    /// The smallest exponent flagged.
    static let threshold = 0.95

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
        // Per model column, input and tail: whether it diverges.
        func diverges(_ c: Int, _ j: Int, upper: Bool) -> Bool {
            guard usable[j] else { return false }
            let base = c * rows + 4 * j + (upper ? 2 : 0)
            let shallow = abs(y[base]), deep = abs(y[base + 1])
            guard deep.isFinite else { return true }
            guard shallow.isFinite, shallow > 0, deep > shallow else { return false }
            return log(deep / shallow) / log(depths.shallow / depths.deep) >= threshold
        }
        var findings: [Finding] = []
        for j in 0..<d {
            for upper in [false, true] {
                for (o, name) in problem.outputs.enumerated() {
                    let first = problem.sources.indices.first { t in
                        if case .column(let c) = problem.sources[t][o] { return diverges(c, j, upper: upper) }
                        return false
                    }
                    if let t = first {
                        findings.append(Finding(output: name, year: problem.years.isEmpty ? nil : problem.years[t],
                                                input: problem.inputs[j].name, upperTail: upper))
                    }
                }
            }
        }
        return findings
    }

    /// The warnings of `problem`'s findings: one line per input and tail, naming the outputs.
    /// - Parameter problem: The resolved problem.
    /// - Returns: Lines without newlines; empty when every mean is estimable.
    static func warnings(_ problem: SimulationProblem) -> [String] {
        let findings = find(problem)
        var lines: [String] = []
        var seen: Set<String> = []
        for finding in findings where !seen.contains("\(finding.input) \(finding.upperTail)") {
            seen.insert("\(finding.input) \(finding.upperTail)")
            let group = findings.filter { $0.input == finding.input && $0.upperTail == finding.upperTail }
            let outputs = group.map { $0.output + ($0.year.map { " (from \($0))" } ?? "") }.joined(separator: ", ")
            let distribution = problem.inputs.first { $0.name == finding.input }.map { " = \($0.distribution)" } ?? ""
            lines.append("warning: mean and mcse not meaningful for \(outputs): they grow like 1/p or faster in the "
                         + "\(finding.upperTail ? "upper" : "lower") tail of \(finding.input)\(distribution), so the mean is "
                         + "infinite or beyond what sampling can estimate; read the median and percentiles")
        }
        return lines
    }
}
