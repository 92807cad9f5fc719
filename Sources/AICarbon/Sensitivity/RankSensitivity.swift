import Foundation

/// Rank importance: the Spearman rank correlation of each input with the output, and its share of the
/// output's rank variance.
///
/// Spearman (1904) ρ is Pearson's correlation of the ranks (ties get their average rank):
/// ρ(X, Y) = Σ (rₓ − r̄)(r_y − r̄) / √(Σ (rₓ − r̄)² Σ (r_y − r̄)²). With independent inputs and an output
/// that is close to additive in its ranks, ρᵢ² is the part of the output's rank variance explained by
/// input i, so the share reported is sᵢ = ρᵢ² / Σⱼ ρⱼ² — the "contribution to variance" of @RISK and
/// Crystal Ball (Iman & Conover 1979 and Saltelli et al. 2008, §1.2.5, for ranks as a screening
/// measure of monotonic models). A factor of several columns (a projection path's year steps) gets
/// the multiple rank correlation R² = ρ_gᵀ R_gg⁻¹ ρ_g of the output's ranks on its columns' ranks
/// (the R² of a rank regression, Iman & Conover 1979), signed by Σ ρ over its columns; for one column
/// it is ρ². With declared correlations between inputs the measures stay correct as correlations, but
/// inputs share explained variance, so shares overlap (the report says so).
///
/// The ranks need every sample, so this method is not streamed: the simulation stores the output
/// columns (``Simulation/run(_:settings:observers:progress:)``) and an ``InputRecorder`` keeps the
/// input columns as tiles go by.
struct RankSensitivity {
    /// The factors.
    let factors: SensitivityFactors

    /// Average ranks (1-based; ties share the mean of their ranks) of `n` values, centred on their
    /// mean (n + 1) / 2.
    static func centredRanks(_ values: UnsafePointer<Double>, count n: Int) -> [Double] {
        var order = Array(0..<n)
        order.sort { values[$0] != values[$1] ? values[$0] < values[$1] : $0 < $1 }
        var ranks = [Double](repeating: 0, count: n)
        let centre = Double(n + 1) / 2
        var i = 0
        while i < n {
            var j = i + 1
            while j < n && values[order[j]] == values[order[i]] { j += 1 }
            let rank = Double(i + j + 1) / 2 - centre    // mean of the 1-based ranks i + 1 … j
            for k in i..<j { ranks[order[k]] = rank }
            i = j
        }
        return ranks
    }

    /// Σ aᵢ bᵢ over two centred rank vectors (four accumulators, fixed order: deterministic).
    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                var s = SIMD4<Double>()
                let n = a.count, whole = n & ~3
                guard n > 0 else { return 0 }
                var i = 0
                let pa = UnsafeRawPointer(a.baseAddress!), pb = UnsafeRawPointer(b.baseAddress!)
                while i < whole {
                    let x = pa.loadUnaligned(fromByteOffset: i * 8, as: SIMD4<Double>.self)
                    let y = pb.loadUnaligned(fromByteOffset: i * 8, as: SIMD4<Double>.self)
                    s += x * y
                    i += 4
                }
                var rest = 0.0
                for k in whole..<n { rest += a[k] * b[k] }
                return s.sum() + rest
            }
        }
    }

    /// The squared multiple correlation ρᵀ R⁻¹ ρ, by a Cholesky factorisation of R that skips columns
    /// explained by earlier ones (pivot below 10⁻¹⁰).
    static func multipleR2(_ r: [Double], _ rho: [Double]) -> Double {
        let k = rho.count
        var l = [Double](repeating: 0, count: k * k)
        var kept = [Bool](repeating: false, count: k)
        for i in 0..<k {
            for j in 0...i where j == i || kept[j] {
                var sum = r[i * k + j]
                for m in 0..<j where kept[m] { sum -= l[i * k + m] * l[j * k + m] }
                if i == j {
                    if sum > 1e-10 { l[i * k + i] = sum.squareRoot(); kept[i] = true }
                } else {
                    l[i * k + j] = sum / l[j * k + j]
                }
            }
        }
        // Forward substitution L z = ρ over kept columns; R² = |z|².
        var z = [Double](repeating: 0, count: k)
        var r2 = 0.0
        for i in 0..<k where kept[i] {
            var sum = rho[i]
            for m in 0..<i where kept[m] { sum -= l[i * k + m] * z[m] }
            z[i] = sum / l[i * k + i]
            r2 += z[i] * z[i]
        }
        return min(max(r2, 0), 1)
    }

    /// The measures of every factor, per output column.
    /// - Parameters:
    ///   - inputs: The sampled inputs, column-major (`inputCount` columns of `samples`).
    ///   - inputCount: Input columns.
    ///   - samples: Samples per column.
    ///   - outputs: Per period, the output's samples, or `nil` for a constant output (all measures 0).
    ///   - threads: Worker threads (results do not depend on it).
    /// - Returns: Per period, one entry per factor in factor order (unsorted).
    func compute(inputs: UnsafePointer<Double>, inputCount d: Int, samples n: Int,
                 outputs: [UnsafeBufferPointer<Double>?], threads: Int) -> [[SensitivityReport.Entry]] {
        let source = SharedSlots(base: UnsafeMutablePointer(mutating: inputs))
        let inputRanks = parallelMap(d, threads: threads) { j in Self.centredRanks(source.base + j * n, count: n) }
        let outputSlots = outputs.map { $0.map { SharedSlots(base: UnsafeMutablePointer(mutating: $0.baseAddress!)) } }
        let outputRanks = parallelMap(outputs.count, threads: threads) { t -> [Double]? in
            outputSlots[t].map { Self.centredRanks($0.base, count: n) }
        }
        let inputNorms = inputRanks.map { Self.dot($0, $0).squareRoot() }
        // Correlations within each factor of several columns (a path's year steps).
        let within: [[Double]] = factors.columns.map { cols in
            guard cols.count > 1 else { return [1] }
            var r = [Double](repeating: 0, count: cols.count * cols.count)
            for (a, i) in cols.enumerated() {
                for (b, j) in cols.enumerated() where b <= a {
                    let value = a == b ? 1 : Self.dot(inputRanks[i], inputRanks[j]) / (inputNorms[i] * inputNorms[j])
                    r[a * cols.count + b] = value
                    r[b * cols.count + a] = value
                }
            }
            return r
        }
        let factors = self.factors
        return parallelMap(outputs.count, threads: threads) { t in
            guard let y = outputRanks[t] else {
                return factors.names.map { name in
                    var e = SensitivityReport.Entry(name: name)
                    e.spearman = 0
                    e.share = 0
                    return e
                }
            }
            let yNorm = Self.dot(y, y).squareRoot()
            let rho = inputRanks.indices.map { j in yNorm > 0 && inputNorms[j] > 0 ? Self.dot(inputRanks[j], y) / (yNorm * inputNorms[j]) : 0 }
            let explained = factors.columns.indices.map { g -> (signed: Double, r2: Double) in
                let cols = factors.columns[g]
                if cols.count == 1 { return (rho[cols[0]], rho[cols[0]] * rho[cols[0]]) }
                let r2 = Self.multipleR2(within[g], cols.map { rho[$0] })
                let sign: Double = cols.reduce(0) { $0 + rho[$1] } < 0 ? -1 : 1
                return (sign * r2.squareRoot(), r2)
            }
            let total = explained.reduce(0) { $0 + $1.r2 }
            return factors.names.indices.map { g in
                var e = SensitivityReport.Entry(name: factors.names[g])
                e.spearman = explained[g].signed
                e.share = total > 0 ? explained[g].r2 / total : 0
                return e
            }
        }
    }
}
