import Foundation

extension MeanDivergence {
    /// Largest group of correlated inputs tested jointly (``groupFindings(_:usable:single:)``); larger sets of
    /// correlated inputs are tested through every connected group of three and four of them.
    static let largestGroup = 4
    /// Most values of model outputs the group tests may compute, all groups together: rows (two a ray) times
    /// the model's columns (every output of every year of a projection), so that memory and time stay bounded
    /// however long the projection. For an estimate's 11 outputs, about 95,000 rows: 30 groups of three or 11
    /// of four at the finest grids, 123 or 87 at the coarser ones (a projection of a few hundred year-outputs
    /// fits none, and is checked by pairs); past that, the most strongly correlated
    /// groups (``groupOrder(_:pearson:dims:)``), whatever the order the correlations were listed in.
    static let groupValueBudget = 1 << 20

    /// Steps per unit of each component of a group's rays: a ray is `v / m` for an integer vector `v` whose
    /// largest |component| is `m` (the surface of the cube [−1, 1]ˢ in the max norm, as the pair test's rays
    /// reach the single test's depth in their larger component). Eight steps for three inputs (1,538 rays),
    /// four for four (4,160 rays); `coarse` halves them, when the finer grids exceed ``groupValueBudget``.
    static func gridSteps(size: Int, coarse: Bool) -> Int {
        let steps = size == 3 ? 8 : 4
        return coarse ? steps / 2 : steps
    }

    /// The findings of correlated groups of three or four inputs (``largestGroup``): a joint tail of several
    /// inputs can be heavier than that of any pair of them. Under a Gaussian copula with Pearson matrix R, the
    /// normal scores reach a ray z = r·u with density ∝ exp(−q r² / 2), q = uᵀR⁻¹u (R the group's own
    /// submatrix: the other inputs integrated out), so along u an output has exponent
    /// b(u) = ln(y(r₂u) / y(r₁u)) / (q · ln(p₁ / p₂)), as for pairs (Hua & Joe 2011, J. Multivariate Anal.
    /// 102:1454: the tail order of the normal copula in d dimensions is 1ᵀR⁻¹1 along the diagonal, 2 / (1 + ρ)
    /// for a pair). For three inputs each with exponent b alone and every pair correlated ρ, the diagonal gives
    /// b(1 + 2ρ) against a pair's b(1 + ρ): three inputs with b = 0.25 and ρ = 0.81 give 0.45 as pairs (no
    /// finding) but 0.66 together (an infinite variance).
    ///
    /// Groups are the connected sets (every member correlated with another, directly or through members) of
    /// three and four correlated inputs; a group whose correlations split it in two has no joint tail heavier
    /// than its parts' (b(u) is then a mediant of the parts' quotients). Each is tested along every ray of the
    /// cube grid (``gridSteps(size:coarse:)``), the other inputs at their medians. A group is reported for an
    /// output and a choice of tails (an orthant) where the rays inside the orthant flag more than its boundary
    /// (the rays where some member stays at its median, read with their own members' correlations as their
    /// sub-group's test would: its sub-groups, pairs and axes) and more than each member alone; a group whose
    /// pair already carries the same finding is not repeated.
    /// - Parameters:
    ///   - problem: The resolved problem.
    ///   - usable: Per input, whether its deep quantiles are finite (an input that is not is left out).
    ///   - single: The single test's exponent by model column, input and tail.
    /// - Returns: Findings with ``Finding/group`` set, in group, orthant and output order.
    static func groupFindings(_ problem: SimulationProblem, usable: [Bool], single: (Int, Int, Bool) -> Double) -> [Finding] {
        guard let correlation = problem.correlation, correlation.dimensions.count >= 3 else { return [] }
        let dims = correlation.dimensions, k = dims.count, pearson = Self.pearson(correlation)
        let linked = { (i: Int, j: Int) in abs(pearson[i * k + j]) > 1e-9 }
        var groups: [[Int]] = []
        for size in 3...min(largestGroup, k) {
            for members in combinations(of: Array(0..<k), size: size)
            where members.allSatisfy({ usable[dims[$0]] }) && isConnected(members, linked) {
                groups.append(members)
            }
        }
        guard !groups.isEmpty else { return [] }
        groups = groupOrder(groups, pearson: pearson, dims: dims)
        // Grids within the budget: the finer first, then coarser, then fewer groups (the most correlated kept).
        let groupRowBudget = groupValueBudget / Swift.max(problem.model.outputCount, 1)
        let rayCount = { (size: Int, coarse: Bool) -> Int in
            let m = gridSteps(size: size, coarse: coarse)
            return Int(pow(Double(2 * m + 1), Double(size)) - pow(Double(2 * m - 1), Double(size)))
        }
        var coarse = false
        if groups.reduce(0, { $0 + 2 * rayCount($1.count, false) }) > groupRowBudget { coarse = true }
        var rowsSoFar = 0
        groups = groups.filter { group in
            let rows = 2 * rayCount(group.count, coarse)
            guard rowsSoFar + rows <= groupRowBudget else { return false }
            rowsSoFar += rows
            return true
        }
        // Rays: per group, every integer vector v with max |vᵢ| = m, as u = v / m.
        var rays: [(group: Int, u: [Double], q: Double)] = []
        var groupRays: [Range<Int>] = []
        for (g, members) in groups.enumerated() {
            let s = members.count, m = gridSteps(size: s, coarse: coarse)
            // Per support (the members a ray moves, as a bit mask), the inverse of their own correlation
            // submatrix: a ray that leaves members at their medians is read as their sub-group's test reads it,
            // the others integrated out (uᵀR⁻¹u over the support is the least over the others' scores).
            let inverses = (0..<(1 << s)).map { mask -> [Double] in
                let support = (0..<s).filter { mask >> $0 & 1 == 1 }.map { members[$0] }
                return symmetricInverse(support.flatMap { i in support.map { j in pearson[i * k + j] } }, size: support.count)
            }
            let start = rays.count
            var v = [Int](repeating: -m, count: s)
            while true {
                if v.contains(where: { abs($0) == m }) {
                    let support = (0..<s).filter { v[$0] != 0 }, u = v.map { Double($0) / Double(m) }
                    let inverse = inverses[support.reduce(0) { $0 | 1 << $1 }], t = support.count
                    var q = 0.0
                    for (a, i) in support.enumerated() { for (b, j) in support.enumerated() { q += u[i] * inverse[a * t + b] * u[j] } }
                    rays.append((g, u, q))
                }
                // The next vector in {−m, …, m}ˢ.
                var i = 0
                while i < s && v[i] == m { v[i] = -m; i += 1 }
                if i == s { break }
                v[i] += 1
            }
            groupRays.append(start..<rays.count)
        }
        let rows = 2 * rays.count
        // A component takes one of 2m + 1 values, so each input's quantiles are found once per grid step and
        // radius (GSL's inverse CDFs cost microseconds in these tails), keyed by input, steps and v + m.
        var quantiles: [[Int]: [Double]] = [:]
        func quantile(_ input: Int, _ steps: Int, _ v: Int, _ r: Int) -> Double {
            let key = [input, steps]
            if quantiles[key] == nil {
                quantiles[key] = (-steps...steps).flatMap { v in
                    radii.map { problem.inputs[input].distribution.quantile(phi($0 * Double(v) / Double(steps))) }
                }
            }
            return quantiles[key]![(v + steps) * 2 + r]
        }
        var finite = [Bool](repeating: true, count: rays.count)
        let y = evaluate(problem, rows: rows) { x in
            for (n, ray) in rays.enumerated() {
                let members = groups[ray.group], steps = gridSteps(size: members.count, coarse: coarse)
                for (a, member) in members.enumerated() {
                    let input = dims[member], v = Int((ray.u[a] * Double(steps)).rounded())
                    for r in radii.indices {
                        let value = quantile(input, steps, v, r)
                        x[input * rows + 2 * n + r] = value
                        if !value.isFinite { finite[n] = false }
                    }
                }
            }
        }
        func exponent(_ c: Int, _ n: Int) -> Double {
            finite[n] ? Self.exponent(shallow: y[c * rows + 2 * n], deep: y[c * rows + 2 * n + 1], scale: rays[n].q) : 0
        }
        var findings: [Finding] = []
        for (g, members) in groups.enumerated() {
            let s = members.count
            for orthant in 0..<(1 << s) {
                let upper = (0..<s).map { orthant >> $0 & 1 == 1 }
                // The orthant's rays inside (every member in its tail) and on its boundary (some at its median).
                var inside: [Int] = [], boundary: [Int] = []
                for n in groupRays[g] {
                    let u = rays[n].u
                    guard (0..<s).allSatisfy({ u[$0] == 0 || (u[$0] > 0) == upper[$0] }) else { continue }
                    if u.contains(0) { boundary.append(n) } else { inside.append(n) }
                }
                for (o, name) in problem.outputs.enumerated() {
                    let first = firstFlag(problem, output: o) { c in
                        let joint = level(inside.reduce(0) { Swift.max($0, exponent(c, $1)) })
                        var parts = level(boundary.reduce(0) { Swift.max($0, exponent(c, $1)) })
                        for a in 0..<s { parts = Swift.max(parts, level(single(c, dims[members[a]], upper[a]))) }
                        return joint > parts ? joint : 0
                    }
                    guard let first else { continue }
                    let inputs = members.map { dims[$0] }
                    var correlations: [Double] = []
                    for a in 0..<s {
                        for b in (a + 1)..<s {
                            // The declared Spearman correlation, from the Pearson one: ρ_S = (6/π) asin(ρ/2) (Kruskal 1958).
                            correlations.append(6 / Double.pi * Foundation.asin(pearson[members[a] * k + members[b]] / 2))
                        }
                    }
                    var finding = Finding(output: name, year: problem.years.isEmpty ? nil : problem.years[first.year],
                                          input: problem.inputs[inputs[0]].name, upperTail: upper[0], infiniteMean: first.mean)
                    finding.group = (1..<s).map { Finding.Member(name: problem.inputs[inputs[$0]].name, upperTail: upper[$0]) }
                    finding.groupRankCorrelations = correlations
                    findings.append(finding)
                }
            }
        }
        return findings
    }

    /// Groups, threes before fours, each most strongly correlated first: by the mean of their members' |Pearson
    /// correlations|, pair by pair, then by their inputs' indices in the problem (not their places in the declared list, so that the groups
    /// tested within the budget do not depend on the order correlations were written in).
    /// - Parameters:
    ///   - groups: Groups as positions in `dims`.
    ///   - pearson: The correlation matrix over `dims`.
    ///   - dims: The problem's input index of each correlated dimension.
    /// - Returns: The groups, ordered.
    static func groupOrder(_ groups: [[Int]], pearson: [Double], dims: [Int]) -> [[Int]] {
        let k = dims.count
        func strength(_ g: [Int]) -> Double {
            var total = 0.0
            for a in g.indices { for b in (a + 1)..<g.count { total += abs(pearson[g[a] * k + g[b]]) } }
            return total / Double(g.count * (g.count - 1) / 2)
        }
        let keyed = groups.map { (group: $0, strength: strength($0), inputs: $0.map { dims[$0] }.sorted()) }
        return keyed.sorted { a, b in
            if a.group.count != b.group.count { return a.group.count < b.group.count }
            if a.strength != b.strength { return a.strength > b.strength }
            return a.inputs.lexicographicallyPrecedes(b.inputs)
        }.map(\.group)
    }

    /// The `size`-element subsets of `items`, in lexicographic order.
    private static func combinations(of items: [Int], size: Int) -> [[Int]] {
        guard size > 0 else { return [[]] }
        guard items.count >= size else { return [] }
        var result: [[Int]] = []
        for (i, first) in items.enumerated() {
            for rest in combinations(of: Array(items[(i + 1)...]), size: size - 1) { result.append([first] + rest) }
        }
        return result
    }

    /// Whether `members` form one connected set under `linked`.
    private static func isConnected(_ members: [Int], _ linked: (Int, Int) -> Bool) -> Bool {
        var reached: Set<Int> = [members[0]], frontier = [members[0]]
        while let next = frontier.popLast() {
            for other in members where !reached.contains(other) && linked(next, other) {
                reached.insert(other)
                frontier.append(other)
            }
        }
        return reached.count == members.count
    }

    /// The inverse of a symmetric positive definite `size` × `size` matrix (row-major), by Gauss–Jordan
    /// elimination with the diagonal as pivots (a correlation submatrix of a valid copula is positive definite).
    private static func symmetricInverse(_ matrix: [Double], size n: Int) -> [Double] {
        var a = matrix, inverse = [Double](repeating: 0, count: n * n)
        for i in 0..<n { inverse[i * n + i] = 1 }
        for p in 0..<n {
            let pivot = a[p * n + p]
            for c in 0..<n { a[p * n + c] /= pivot; inverse[p * n + c] /= pivot }
            for r in 0..<n where r != p {
                let factor = a[r * n + p]
                guard factor != 0 else { continue }
                for c in 0..<n { a[r * n + c] -= factor * a[p * n + c]; inverse[r * n + c] -= factor * inverse[p * n + c] }
            }
        }
        return inverse
    }
}
