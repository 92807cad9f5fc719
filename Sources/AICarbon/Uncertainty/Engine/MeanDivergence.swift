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
/// as an infinite mean.
///
/// Declared rank correlations (a Gaussian copula, ``RankCorrelation``) can make a tail heavier than any
/// input's alone, so each correlated pair is tested too. A Gaussian copula with correlation ρ < 1 has no
/// tail dependence (λ = 0), but that does not keep a product's tail index at the smaller of its factors'
/// (which holds for independent factors, Breiman 1965): its tail order is κ = 2 / (1 + ρ), C(u, u) ∝ u^κ
/// (Ledford & Tawn 1996, Biometrika 83:169, coefficient of tail dependence η = (1 + ρ) / 2; Hua & Joe 2011,
/// J. Multivariate Anal. 102:1454, tail order of the normal copula). For X, Y with y_X(p) ∝ p⁻ᵇ each,
/// P(XY > t) ≥ P(X > √t, Y > √t) ∝ t^(−1 / (b(1 + ρ))): the product has exponent b(1 + ρ), not b, so two
/// inputs each with a finite variance (b = 0.4) rank-correlated 0.9 (Pearson 0.91) give b = 0.76, an
/// infinite variance; a negative ρ leaves the product at the larger single exponent. In the copula's
/// normal scores z, a ray z = r·u of the pair is reached with density ∝ exp(−q r² / 2), q = uᵀR⁻¹u (R the
/// pair's 2 × 2 Pearson matrix), so along u the exponent is b(u) = ln(y(r₂u) / y(r₁u)) / (q · ln(p₁ / p₂)) with
/// r₁, r₂ the normal scores of p₁, p₂; on an axis with ρ = 0 this is the single-input b. E[yᵏ] over the pair
/// diverges when k · b(u) ≥ 1 for some u (Laplace's method on ∫ yᵏ φ_R), so the pair's exponent is the
/// largest b(u) over ``directions`` angles in each of its four quadrants (the two tails of each input),
/// the larger component of u at the radius (so no normal score goes deeper than the single test's).
/// A pair is reported only where it flags more than either input alone; the other inputs stay at their
/// medians. Three or four correlated inputs together can do more than any pair of them; connected groups
/// of them are tested jointly the same way (``groupFindings(_:usable:single:)``).
enum MeanDivergence {
    /// One finding: an output whose mean cannot be estimated, the input (or correlated pair) and the tail responsible.
    struct Finding: Hashable {
        /// The output's name (``SimulationProblem/outputs``).
        var output: String
        /// The first year it applies to (a projection), or nil.
        var year: Int?
        /// The input's name (the first of a correlated pair).
        var input: String
        /// Whether the output diverges in the input's upper tail (else its lower tail).
        var upperTail: Bool
        /// Whether its mean is infinite (b ≥ 1), else only its variance (½ ≤ b < 1).
        var infiniteMean: Bool
        /// The second input of a correlated pair whose joint tail is responsible, and which of its tails;
        /// nil for one input alone.
        var partner: (name: String, upperTail: Bool)? {
            get { partnerName.map { ($0, partnerUpperTail) } }
            set { partnerName = newValue?.name; partnerUpperTail = newValue?.upperTail ?? false }
        }
        /// The pair's rank (Spearman) correlation, for a pair.
        var rankCorrelation: Double?
        /// One more input of a correlated group and which of its tails.
        struct Member: Hashable {
            /// The input's name.
            var name: String
            /// Whether its upper tail (else its lower).
            var upperTail: Bool
        }
        /// The other inputs of a correlated group of three or four whose joint tail is responsible (none
        /// alone, no pair and no smaller group of them does this); empty otherwise.
        var group: [Member] = []
        /// A group's rank correlations, pair by pair in member order (``input`` first): (1, 2), (1, 3), (2, 3), ….
        var groupRankCorrelations: [Double] = []
        private var partnerName: String?
        private var partnerUpperTail = false

        /// Creates a finding.
        init(output: String, year: Int?, input: String, upperTail: Bool, infiniteMean: Bool,
             partner: (name: String, upperTail: Bool)? = nil, rankCorrelation: Double? = nil) {
            self.output = output
            self.year = year
            self.input = input
            self.upperTail = upperTail
            self.infiniteMean = infiniteMean
            self.rankCorrelation = rankCorrelation
            self.partner = partner
        }

        /// The inputs responsible: the input, its partner in a pair, or the rest of its group.
        var inputs: [String] { [input] + (partnerName.map { [$0] } ?? []) + group.map(\.name) }
    }

    /// The two probabilities the exponent is read from (p₁, p₂).
    static let depths = (shallow: 1e-8, deep: 1e-11)
    /// The smallest exponents flagged: 95% of the bounds for an infinite mean (1) and variance (½).
    static let thresholds = (mean: 0.95, variance: 0.475)
    /// Directions a correlated pair is tested along in each quadrant, at equal angles from one input's axis
    /// to the other's (both included).
    static let directions = 33

    /// How far an exponent reaches: 2 for an infinite mean, 1 for an infinite variance, 0 for neither.
    static func level(_ b: Double) -> Int { b >= thresholds.mean ? 2 : b >= thresholds.variance ? 1 : 0 }

    /// The findings of `problem`, one per output and (input, tail), at the output's first year, then one per
    /// output and correlated pair (and tails) that flags more than either input alone.
    /// - Parameter problem: The resolved problem.
    /// - Returns: Findings in input, tail and output order, pairs last; empty when every mean is estimable.
    static func find(_ problem: SimulationProblem) -> [Finding] {
        let d = problem.inputs.count, m = problem.model.outputCount, rows = 4 * d
        guard d > 0, m > 0 else { return [] }
        // Rows 4j … 4j + 3: input j at p₁, p₂, 1 − p₁, 1 − p₂; every other input at its median.
        let probabilities = [depths.shallow, depths.deep, 1 - depths.shallow, 1 - depths.deep]
        var usable = [Bool](repeating: true, count: d)
        let y = evaluate(problem, rows: rows) { x in
            for (j, input) in problem.inputs.enumerated() {
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
        }
        // Per model column, input and tail: the exponent b (infinity when the deeper value is not finite).
        func exponent(_ c: Int, _ j: Int, upper: Bool) -> Double {
            guard usable[j] else { return 0 }
            let base = c * rows + 4 * j + (upper ? 2 : 0)
            return Self.exponent(shallow: y[base], deep: y[base + 1], scale: 1)
        }
        var findings: [Finding] = []
        for j in 0..<d {
            for upper in [false, true] {
                for (o, name) in problem.outputs.enumerated() {
                    if let first = firstFlag(problem, output: o, level: { level(exponent($0, j, upper: upper)) }) {
                        findings.append(Finding(output: name, year: problem.years.isEmpty ? nil : problem.years[first.year],
                                                input: problem.inputs[j].name, upperTail: upper, infiniteMean: first.mean))
                    }
                }
            }
        }
        let pairs = pairFindings(problem, usable: usable, single: exponent)
        // A group is not repeated where one of its pairs, in the same tails, already carries as much.
        let groups = groupFindings(problem, usable: usable, single: exponent).filter { group in
            let members = [Finding.Member(name: group.input, upperTail: group.upperTail)] + group.group
            return !pairs.contains { pair in
                pair.output == group.output && (pair.infiniteMean || !group.infiniteMean)
                    && members.contains(Finding.Member(name: pair.input, upperTail: pair.upperTail))
                    && members.contains { $0.name == pair.partner?.name && $0.upperTail == pair.partner?.upperTail }
            }
        }
        return findings + pairs + groups
    }

    /// The exponent b read off an output's values at the shallower and deeper point: ln(|deep| / |shallow|) /
    /// (scale · ln(p₁ / p₂)); infinity when the deeper value is not finite, 0 when the output does not grow.
    static func exponent(shallow: Double, deep: Double, scale: Double) -> Double {
        let shallow = abs(shallow), deep = abs(deep)
        guard deep.isFinite else { return .infinity }
        guard shallow.isFinite, shallow > 0, deep > shallow else { return 0 }
        return Foundation.log(deep / shallow) / (scale * Foundation.log(depths.shallow / depths.deep))
    }

    /// The first period in which an output is flagged, and whether any period up to the first infinite mean
    /// is one: `level` gives a model column's ``level(_:)``.
    static func firstFlag(_ problem: SimulationProblem, output o: Int, level: (Int) -> Int) -> (year: Int, mean: Bool)? {
        var first: (year: Int, mean: Bool)?
        for t in problem.sources.indices {
            guard case .column(let c) = problem.sources[t][o] else { continue }
            let l = level(c)
            if l >= 2 { first = (first?.year ?? t, true); break }
            if l >= 1, first == nil { first = (t, false) }
        }
        return first
    }

    /// Radii in normal scores of the single test's depths: −Φ⁻¹(p₁) and −Φ⁻¹(p₂), about 5.6 and 6.7.
    static let radii = [-Distribution.standardNormalQuantile(depths.shallow), -Distribution.standardNormalQuantile(depths.deep)]

    /// Φ, the standard normal CDF (Abramowitz & Stegun 26.2.29: Φ(z) = erfc(−z/√2) / 2).
    static func phi(_ z: Double) -> Double { 0.5 * Foundation.erfc(-z / 2.0.squareRoot()) }

    /// The Pearson correlations of a copula's normal scores, from its Cholesky factor: (L Lᵀ), k × k in the
    /// correlation's dimension order, row-major.
    static func pearson(_ correlation: RankCorrelation) -> [Double] {
        let k = correlation.dimensions.count, l = correlation.cholesky
        var matrix = [Double](repeating: 0, count: k * k)
        for i in 0..<k {
            for j in 0...i {
                var rho = 0.0
                for c in 0...j { rho += l[i * k + c] * l[j * k + c] }
                matrix[i * k + j] = rho
                matrix[j * k + i] = rho
            }
        }
        return matrix
    }

    /// The model's outputs on `rows` rows of inputs, every input at its median except where `fill` writes.
    /// - Parameters:
    ///   - problem: The resolved problem.
    ///   - rows: Rows to evaluate.
    ///   - fill: Writes the rows' inputs that are not at their medians (input j's row r at `x[j × rows + r]`).
    /// - Returns: Model column c's row r at `[c × rows + r]`.
    static func evaluate(_ problem: SimulationProblem, rows: Int, fill: (UnsafeMutablePointer<Double>) -> Void) -> [Double] {
        let d = problem.inputs.count, m = problem.model.outputCount
        let x = UnsafeMutablePointer<Double>.allocate(capacity: Swift.max(d * rows, 1))
        let pointers = UnsafeMutablePointer<UnsafeMutablePointer<Double>>.allocate(capacity: Swift.max(m, 1))
        defer { x.deallocate(); pointers.deallocate() }
        for (j, input) in problem.inputs.enumerated() { (x + j * rows).update(repeating: input.distribution.median, count: rows) }
        fill(x)
        return [Double](unsafeUninitializedCapacity: m * rows) { y, initialized in
            for c in 0..<m { pointers[c] = y.baseAddress! + c * rows }
            problem.model.evaluate(inputs: x, count: rows, outputs: UnsafeMutableBufferPointer(start: pointers, count: m))
            initialized = m * rows
        }
    }

    /// The findings of correlated pairs (see the type's discussion): for each pair with a nonzero Pearson
    /// correlation and each quadrant of tails, the largest exponent over ``directions`` rays in the pair's
    /// normal scores, where it flags more than either input alone (`single`).
    private static func pairFindings(_ problem: SimulationProblem, usable: [Bool], single: (Int, Int, Bool) -> Double) -> [Finding] {
        guard let correlation = problem.correlation else { return [] }
        let dims = correlation.dimensions, k = dims.count, pearson = Self.pearson(correlation)
        var pairs: [(a: Int, b: Int, rho: Double)] = []
        for i in 0..<k {
            for j in 0..<i {
                let rho = pearson[i * k + j]
                let a = Swift.min(dims[i], dims[j]), b = Swift.max(dims[i], dims[j])
                if abs(rho) > 1e-9, usable[a], usable[b] { pairs.append((a, b, Swift.min(Swift.max(rho, -1 + 1e-12), 1 - 1e-12))) }
            }
        }
        guard !pairs.isEmpty else { return [] }
        let rays = 4 * directions, rows = pairs.count * rays * 2
        // q = uᵀR⁻¹u of each ray (nan for a ray whose quantiles are not finite); ray r of pair n has rows 2r, 2r + 1.
        var q = [Double](repeating: .nan, count: pairs.count * rays)
        let y = evaluate(problem, rows: rows) { x in
            for (n, pair) in pairs.enumerated() {
                for quadrant in 0..<4 {
                    let sa = quadrant & 1 == 0 ? -1.0 : 1.0, sb = quadrant & 2 == 0 ? -1.0 : 1.0
                    for step in 0..<directions {
                        let theta = Double.pi / 2 * Double(step) / Double(directions - 1)
                        let c = Foundation.cos(theta), s = Foundation.sin(theta), larger = Swift.max(c, s)
                        let ua = sa * c / larger, ub = sb * s / larger
                        let ray = n * rays + quadrant * directions + step
                        var finite = true
                        for (r, radius) in radii.enumerated() {
                            let row = 2 * ray + r
                            x[pair.a * rows + row] = problem.inputs[pair.a].distribution.quantile(phi(radius * ua))
                            x[pair.b * rows + row] = problem.inputs[pair.b].distribution.quantile(phi(radius * ub))
                            finite = finite && x[pair.a * rows + row].isFinite && x[pair.b * rows + row].isFinite
                        }
                        if finite { q[ray] = (ua * ua - 2 * pair.rho * ua * ub + ub * ub) / (1 - pair.rho * pair.rho) }
                    }
                }
            }
        }
        /// The pair's exponent in model column `c` and quadrant: the largest over its rays.
        func exponent(_ c: Int, _ n: Int, _ quadrant: Int) -> Double {
            var b = 0.0
            for step in 0..<directions {
                let ray = n * rays + quadrant * directions + step
                guard !q[ray].isNaN else { continue }
                b = Swift.max(b, Self.exponent(shallow: y[c * rows + 2 * ray], deep: y[c * rows + 2 * ray + 1], scale: q[ray]))
            }
            return b
        }
        var findings: [Finding] = []
        for (n, pair) in pairs.enumerated() {
            for quadrant in 0..<4 {
                let upperA = quadrant & 1 != 0, upperB = quadrant & 2 != 0
                for (o, name) in problem.outputs.enumerated() {
                    let first = firstFlag(problem, output: o) { c in
                        let joint = level(exponent(c, n, quadrant))
                        return joint > Swift.max(level(single(c, pair.a, upperA)), level(single(c, pair.b, upperB))) ? joint : 0
                    }
                    guard let first else { continue }
                    // The declared Spearman correlation, from the Pearson one: ρ_S = (6/π) asin(ρ/2) (Kruskal 1958).
                    findings.append(Finding(output: name, year: problem.years.isEmpty ? nil : problem.years[first.year],
                                            input: problem.inputs[pair.a].name, upperTail: upperA, infiniteMean: first.mean,
                                            partner: (problem.inputs[pair.b].name, upperB),
                                            rankCorrelation: 6 / Double.pi * Foundation.asin(pair.rho / 2)))
                }
            }
        }
        return findings
    }

    /// The warnings of `problem`'s findings: one line per input (or correlated pair), tail and kind (infinite
    /// mean, infinite variance), naming the outputs.
    /// - Parameter problem: The resolved problem.
    /// - Returns: Lines without newlines; empty when every mean and mcse is estimable.
    static func warnings(_ problem: SimulationProblem) -> [String] {
        let findings = find(problem)
        var lines: [String] = []
        var seen: Set<String> = []
        func key(_ f: Finding) -> String {
            "\(f.input) \(f.upperTail) \(f.infiniteMean) \(f.partner.map { "\($0.name) \($0.upperTail)" } ?? "") "
                + f.group.map { "\($0.name) \($0.upperTail)" }.joined(separator: " ")
        }
        func described(_ input: String) -> String {
            let distribution = problem.inputs.first { $0.name == input }
                .map { " = \($0.distribution)" + ($0.unit.isEmpty ? "" : " \($0.unit)") } ?? ""
            return input + distribution
        }
        for finding in findings where seen.insert(key(finding)).inserted {
            let group = findings.filter { key($0) == key(finding) }
            let outputs = group.map { $0.output + ($0.year.map { " (from \($0))" } ?? "") }.joined(separator: ", ")
            let side = finding.upperTail ? "upper" : "lower"
            let tail: String
            if !finding.group.isEmpty {
                let members = [(finding.input, finding.upperTail)] + finding.group.map { ($0.name, $0.upperTail) }
                let tails = members.map { "the \($0.1 ? "upper" : "lower") tail of \(described($0.0))" }
                var pairs: [String] = []
                for a in members.indices {
                    for b in (a + 1)..<members.count {
                        let rho = finding.groupRankCorrelations[pairs.count]
                        pairs.append("\(members[a].0)–\(members[b].0) \(Distribution.compact((rho * 1e6).rounded() / 1e6))")
                    }
                }
                tail = "where " + tails.dropLast().joined(separator: ", ") + " and \(tails.last!) meet (rank correlations "
                    + pairs.joined(separator: ", ") + "; no fewer of them do this)"
            } else if let partner = finding.partner {
                let rho = finding.rankCorrelation.map { Distribution.compact(($0 * 1e6).rounded() / 1e6) } ?? "?"
                tail = "where the \(side) tail of \(described(finding.input)) meets the \(partner.upperTail ? "upper" : "lower") tail of "
                    + "\(described(partner.name)) (rank correlation \(rho); neither alone does this)"
            } else {
                tail = "in the \(side) tail of \(described(finding.input))"
            }
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
