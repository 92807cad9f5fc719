import Dispatch

/// Variance-based sensitivity: first-order and total Sobol' indices with bootstrap 95% intervals.
///
/// For independent inputs, Sobol' (1993, 2001) splits the output's variance V(Y) by inputs. The
/// first-order index Sᵢ = V(E[Y | Xᵢ]) / V(Y) is the expected share of the variance removed by pinning
/// Xᵢ; the total index S_Tᵢ = E[V(Y | X₋ᵢ)] / V(Y) is the share that Xᵢ accounts for with all of its
/// interactions (Homma & Saltelli 1996). Both are estimated from two independent N × d base matrices A
/// and B and the d matrices A_B⁽ⁱ⁾ (A with column i taken from B), N (d + 2) model runs in all
/// (Saltelli 2002; Saltelli et al. 2010, "Variance based sensitivity analysis of model output. Design
/// and estimator for the total sensitivity index", Comput. Phys. Commun. 181, 259–270):
///
///     Vᵢ  = (1/N) Σⱼ f(B)ⱼ (f(A_B⁽ⁱ⁾)ⱼ − f(A)ⱼ)          (Saltelli et al. 2010, Table 2 (b))
///     V_Tᵢ = (1/2N) Σⱼ (f(A)ⱼ − f(A_B⁽ⁱ⁾)ⱼ)²             (Jansen 1999, "Analysis of variance designs for
///                                                      model output", Comput. Phys. Commun. 117, 35–43)
///     Sᵢ = Vᵢ / V(Y),  S_Tᵢ = V_Tᵢ / V(Y)
///
/// with V(Y) the variance of the 2N values f(A) and f(B). The outputs are centred on the mean of f(A)
/// and f(B) before Vᵢ is formed; this leaves its expectation unchanged (E[f(A_B⁽ⁱ⁾) − f(A)] = 0) and
/// removes the large variance a mean far from zero gives the product (Sobol' 2001, §4: subtract c ≈ f₀). A factor of
/// several columns (a projection path's year steps) takes all of its columns from B at once, which
/// gives its group indices (Sobol' 2001).
///
/// Rows of [A | B] are the points of a 2d-dimensional uniform design (``SamplingMethod``): Monte Carlo,
/// Latin hypercube, or randomly shifted Sobol' points, which Saltelli et al. 2010 recommend; GSL's
/// Sobol' generator has at most 40 dimensions, so that design allows at most 20 input columns. The N
/// base rows are split into the simulation's fixed chunks, each with its own generator and design
/// (``SeedSequence``), so results do not depend on the thread count.
///
/// The 95% intervals are bootstrap percentile intervals (Efron & Tibshirani 1993, ch. 13; as Archer,
/// Saltelli & Sobol' 1997 use for Sobol' indices): the N rows are resampled with replacement
/// `bootstrap` times and both estimators recomputed on each resample. On Sobol' points the rows are not
/// independent, so the intervals are conservative.
struct SobolSensitivity {
    /// The factors.
    let factors: SensitivityFactors

    /// Batch index of the bootstrap's generator stream (no simulation reaches it).
    static let bootstrapStream = 4_095

    /// Estimates the indices of every factor.
    /// - Parameters:
    ///   - problem: The problem (independent inputs).
    ///   - columns: Per period reported, the model column of the output, or `nil` when it is constant.
    ///   - settings: Base samples N (``SimulationSettings/samples``), seed, design, generator, threads, chunks.
    ///   - bootstrap: Bootstrap resamples for the intervals.
    /// - Returns: Per period, one entry per factor in factor order.
    /// - Throws: ``InputError`` for a Sobol' design beyond 40 dimensions, a failed inverse CDF or a
    ///   non-finite output.
    func compute(_ problem: SimulationProblem, columns: [Int?], settings: SimulationSettings,
                 bootstrap: Int) throws(InputError) -> [[SensitivityReport.Entry]] {
        let d = problem.inputs.count, g = factors.count, n = settings.samples, m = problem.model.outputCount
        let slots = g + 2, wanted = columns.compactMap { $0 }
        if settings.method == .sobol, 2 * d > SobolSequence.maxDimension {
            throw InputError(field: "method", expected: "at most \(SobolSequence.maxDimension / 2) uncertain input columns for Sobol' indices "
                             + "on Sobol' points (A and B need 2 × \(d) = \(2 * d) dimensions, GSL's Sobol' generator \(SobolSequence.maxDimension)); "
                             + "use the mc or lhs design", found: "\(d) uncertain input columns")
        }
        // f(A), f(B), f(A_B⁽ᵏ⁾) of each wanted column: values[(w × slots + s) × n + row].
        try MemoryBudget.require(samples: n, bytesPerSample: Double(max(wanted.count * slots, 1)) * 8, field: "samples",
                                 holding: "f(A), f(B) and \(g) f(A_B) per year reported, 8 bytes each")
        let values = UnsafeMutablePointer<Double>.allocate(capacity: max(wanted.count * slots * n, 1))
        defer { values.deallocate() }
        let chunkCount = min(settings.chunks, n), threads = max(1, min(settings.threads, chunkCount))
        let errors = UnsafeMutablePointer<InputError?>.allocate(capacity: chunkCount)
        errors.initialize(repeating: nil, count: chunkCount)
        defer { errors.deinitialize(count: chunkCount); errors.deallocate() }
        let shared = SharedSlots(base: values), failures = SharedSlots(base: errors)
        // Mapped as the engine maps them (PreparedDistribution: quantile tables for beta, PERT, gamma,
        // lognormal and Weibull), so a tabulated input costs a lookup, not an exact solve, a value.
        let distributions = problem.inputs.map(\.distribution), names = problem.inputs.map(\.name)
        let prepared = distributions.map(PreparedDistribution.init)
        let model = problem.model, groups = factors.columns, tileRows = Simulation.tileRows
        DispatchQueue.concurrentPerform(iterations: threads) { worker in
            let tile = UnsafeMutablePointer<Double>.allocate(capacity: max(2 * d * tileRows, 1))
            let mixed = UnsafeMutablePointer<Double>.allocate(capacity: max(d * tileRows, 1))
            let out = UnsafeMutablePointer<Double>.allocate(capacity: max(m * tileRows, 1))
            let pointers = UnsafeMutablePointer<UnsafeMutablePointer<Double>>.allocate(capacity: max(m, 1))
            defer { tile.deallocate(); mixed.deallocate(); out.deallocate(); pointers.deallocate() }
            for c in 0..<m { pointers[c] = out + c * tileRows }
            for k in roundRobin(0..<chunkCount, worker: worker, workers: threads) {
                do throws(InputError) {
                    let range = ChunkMoments.range(chunk: k, of: n, chunks: chunkCount)
                    let rng = try RandomGenerator(settings.generator, seed: SeedSequence.seed(master: settings.seed, batch: 0, chunk: k))
                    let design = try UniformDesign(method: settings.method, dimension: 2 * d, count: range.count, rng: rng)
                    var row = range.lowerBound
                    while row < range.upperBound {
                        let rows = min(tileRows, range.upperBound - row)
                        design.next(tile, rows: rows)
                        for j in 0..<(2 * d) {
                            let column = tile + j * rows
                            prepared[j % d].quantiles(column, count: rows)
                            guard Simulation.allFinite(column, count: rows) else {
                                throw InputError(field: names[j % d], expected: "a distribution GSL can invert at every probability",
                                                 found: "\(distributions[j % d]) (inverse CDF not finite for some samples)")
                            }
                        }
                        func run(_ inputs: UnsafePointer<Double>, slot: Int) throws(InputError) {
                            model.evaluate(inputs: inputs, count: rows, outputs: UnsafeMutableBufferPointer(start: pointers, count: m))
                            for (w, c) in wanted.enumerated() {
                                guard Simulation.allFinite(out + c * tileRows, count: rows) else {
                                    throw InputError(field: model.outputName(c), expected: "finite results (check input magnitudes for overflow)",
                                                     found: "infinite or undefined values")
                                }
                                (shared.base + (w * slots + slot) * n + row).update(from: out + c * tileRows, count: rows)
                            }
                        }
                        try run(tile, slot: 0)
                        try run(tile + d * rows, slot: 1)
                        for (s, cols) in groups.enumerated() {
                            mixed.update(from: tile, count: d * rows)
                            for j in cols { (mixed + j * rows).update(from: tile + (d + j) * rows, count: rows) }
                            try run(mixed, slot: 2 + s)
                        }
                        row += rows
                    }
                } catch {
                    failures.base[k] = error
                }
            }
        }
        for k in 0..<chunkCount { if let error = errors[k] { throw error } }
        // Point estimates on all rows, then the bootstrap on resampled rows (one generator per resample).
        let all = Array(0..<n)
        let point = wanted.indices.map { w in Self.indices(values, w: w, slots: slots, n: n, rows: all) }
        let replicates = parallelMap(bootstrap, threads: settings.threads) { r -> [[(s1: Double, st: Double)]] in
            let rng = try? RandomGenerator(settings.generator, seed: SeedSequence.seed(master: settings.seed, batch: Self.bootstrapStream, chunk: r))
            let rows = (0..<n).map { _ in rng?.integer(below: n) ?? 0 }
            return (0..<wanted.count).map { w in Self.indices(shared.base, w: w, slots: slots, n: n, rows: rows) }
        }
        var w = 0
        return columns.map { column in
            guard column != nil else {
                return factors.names.map { name in
                    var e = SensitivityReport.Entry(name: name)
                    (e.s1, e.s1Low, e.s1High, e.st, e.stLow, e.stHigh) = (0, 0, 0, 0, 0, 0)
                    return e
                }
            }
            defer { w += 1 }
            return factors.names.indices.map { k in
                var e = SensitivityReport.Entry(name: factors.names[k])
                e.s1 = point[w][k].s1
                e.st = point[w][k].st
                let s1 = replicates.map { $0[w][k].s1 }, st = replicates.map { $0[w][k].st }
                (e.s1Low, e.s1High) = (Self.percentile(s1, 0.025), Self.percentile(s1, 0.975))
                (e.stLow, e.stHigh) = (Self.percentile(st, 0.025), Self.percentile(st, 0.975))
                return e
            }
        }
    }

    /// S1 (Saltelli et al. 2010) and ST (Jansen 1999) of every factor for wanted column `w`, over `rows`
    /// (all rows, or a bootstrap resample); 0 when the output does not vary.
    static func indices(_ values: UnsafePointer<Double>, w: Int, slots: Int, n: Int, rows: [Int]) -> [(s1: Double, st: Double)] {
        let a = values + (w * slots) * n, b = values + (w * slots + 1) * n
        var sum = 0.0
        for j in rows { sum += a[j] + b[j] }
        let mean = sum / Double(2 * rows.count)
        var ss = 0.0
        for j in rows {
            let u = a[j] - mean, v = b[j] - mean
            ss += u * u + v * v
        }
        let variance = ss / Double(2 * rows.count)
        return (0..<(slots - 2)).map { s in
            let ab = values + (w * slots + 2 + s) * n
            var first = 0.0, total = 0.0
            for j in rows {
                let delta = ab[j] - a[j]
                first += (b[j] - mean) * delta
                total += delta * delta
            }
            guard variance > 0 else { return (0, 0) }
            return (first / Double(rows.count) / variance, total / Double(2 * rows.count) / variance)
        }
    }

    /// The `p` quantile of `values` (linear interpolation between order statistics, Hyndman & Fan 1996 type 7).
    static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let h = Double(sorted.count - 1) * p, lower = Int(h.rounded(.down)), upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (h - Double(lower)) * (sorted[upper] - sorted[lower])
    }
}
