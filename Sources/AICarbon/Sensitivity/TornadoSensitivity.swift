/// Tornado (one-at-a-time) sensitivity: each factor alone at its 5th and at its 95th percentile, every
/// other input at its median; the output's value at each end, and the swing between them.
///
/// This is the tornado diagram of decision analysis (Howard 1988, "Decision analysis: practice and
/// promise", Management Science 34(6); Clemen & Reilly 2013, *Making Hard Decisions*, ch. 5), with the
/// ends at the 5th and 95th percentiles as Analytica and @RISK draw it: low = f(x̃₋ᵢ, Fᵢ⁻¹(0.05)),
/// high = f(x̃₋ᵢ, Fᵢ⁻¹(0.95)), swing = |high − low|, with x̃ the medians. `low` and `high` are named by
/// the input's end, so for an input that lowers the output `low` is the larger value. A projection
/// path moves all of its year steps together. Declared correlations are not applied (each input moves
/// alone), and interactions between inputs are not seen: that is what ``SobolSensitivity`` measures.
/// The model is evaluated 2d + 1 times (d factors), with no sampling.
struct TornadoSensitivity {
    /// The factors.
    let factors: SensitivityFactors

    /// The probabilities of the two ends.
    static let ends = (low: 0.05, high: 0.95)

    /// Evaluates the problem at the medians and at each factor's two ends.
    /// - Parameters:
    ///   - problem: The problem.
    ///   - output: Index of the output in ``SimulationProblem/outputs``.
    ///   - periods: Periods to report.
    /// - Returns: Per period, the baseline (all medians) and one entry per factor in factor order.
    /// - Throws: ``InputError`` naming an input whose quantile is not finite, or the output that is not.
    func compute(_ problem: SimulationProblem, output o: Int, periods: [Int]) throws(InputError) -> [(baseline: Double, entries: [SensitivityReport.Entry])] {
        GSLRuntime.prepare()
        let d = problem.inputs.count, g = factors.count, rows = 1 + 2 * g, m = problem.model.outputCount
        let x = UnsafeMutablePointer<Double>.allocate(capacity: max(d * rows, 1))
        let y = UnsafeMutablePointer<Double>.allocate(capacity: max(m * rows, 1))
        let pointers = UnsafeMutablePointer<UnsafeMutablePointer<Double>>.allocate(capacity: max(m, 1))
        defer { x.deallocate(); y.deallocate(); pointers.deallocate() }
        // Row 0: every input at its median; rows 1 + 2k and 2 + 2k: factor k at its 5th and 95th percentile.
        for (j, input) in problem.inputs.enumerated() {
            let median = input.distribution.median
            let low = input.distribution.quantile(Self.ends.low), high = input.distribution.quantile(Self.ends.high)
            guard median.isFinite, low.isFinite, high.isFinite else {
                throw InputError(field: input.name, expected: "a distribution GSL can invert at 5%, 50% and 95%",
                                 found: "\(input.distribution)")
            }
            (x + j * rows).update(repeating: median, count: rows)
            for (k, cols) in factors.columns.enumerated() where cols.contains(j) {
                x[j * rows + 1 + 2 * k] = low
                x[j * rows + 2 + 2 * k] = high
            }
        }
        for c in 0..<m { pointers[c] = y + c * rows }
        problem.model.evaluate(inputs: x, count: rows, outputs: UnsafeMutableBufferPointer(start: pointers, count: m))
        return try periods.map { t throws(InputError) in
            let values: [Double]
            switch problem.sources[t][o] {
            case .constant(let v): values = [Double](repeating: v, count: rows)
            case .column(let c): values = Array(UnsafeBufferPointer(start: y + c * rows, count: rows))
            }
            guard values.allSatisfy(\.isFinite) else {
                throw InputError(field: problem.outputs[o], expected: "finite results at the inputs' 5th, 50th and 95th percentiles",
                                 found: "infinite or undefined values")
            }
            let entries = factors.names.indices.map { k in
                var e = SensitivityReport.Entry(name: factors.names[k])
                e.low = values[1 + 2 * k]
                e.high = values[2 + 2 * k]
                e.swing = abs(values[2 + 2 * k] - values[1 + 2 * k])
                return e
            }
            return (values[0], entries)
        }
    }
}
