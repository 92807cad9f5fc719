import Foundation

/// A distribution prepared for the engine's quantile loops: what can be computed once per run is.
///
/// Beta, PERT and gamma get their ``QuantileTable`` (from ``QuantileTableCache``), replacing GSL's
/// iterative inverses (`gsl_cdf_beta_Pinv`, `gsl_cdf_gamma_Pinv`: 0.5–3 µs a value) by a table lookup
/// within 10⁻¹¹ relative of a high-precision reference (tested; 1.1·10⁻¹² measured); so does the
/// lognormal and the Weibull (``LognormalInverse``, ``WeibullInverse``: one lookup instead of an inverse
/// normal and an exponential, or two logarithms and an exponential, within 10⁻¹¹ relative of the closed
/// forms, tested); truncated distributions
/// get their CDF at the bounds. Every other family maps exactly as ``Distribution/quantiles(_:count:)``.
/// Values are a pure function of the distribution and the probability: the same on any thread.
package struct PreparedDistribution: Sendable {
    private let kind: Kind

    private indirect enum Kind: Sendable {
        case closedForm(Distribution)
        case beta(QuantileTable, BetaInverse, lower: Double, width: Double)
        case gamma(QuantileTable, GammaInverse, scale: Double)
        case lognormal(QuantileTable, LognormalInverse, scale: Double)
        case weibull(QuantileTable, WeibullInverse, scale: Double)
        case truncated(PreparedDistribution, lo: Double, hi: Double, lower: Double, upper: Double)
        case clipped(PreparedDistribution, lower: Double, upper: Double)
    }

    /// Prepares `distribution`, building (or fetching) its quantile table.
    package init(_ distribution: Distribution) {
        switch distribution {
        case .pert(let a, let c, let b):
            let (alpha, beta) = Distribution.pertShapes(a, c, b)
            kind = Self.beta(alpha, beta, lower: a, width: b - a)
        case .beta(let alpha, let beta, let lower, let upper):
            kind = Self.beta(alpha, beta, lower: lower, width: upper - lower)
        case .gamma(let shape, let scale):
            let inverse = GammaInverse(shape)
            kind = .gamma(QuantileTableCache.shared.table(.gamma(shape)) { QuantileTable(inverse) }, inverse, scale: scale)
        case .lognormal(let mu, let sigma) where sigma > 0 && sigma.isFinite && mu.magnitude < 700:
            let inverse = LognormalInverse(sigma)
            kind = .lognormal(QuantileTableCache.shared.table(.lognormal(sigma)) { QuantileTable(inverse) }, inverse,
                              scale: Foundation.exp(mu))
        case .weibull(let shape, let scale) where shape > 0 && shape.isFinite && scale > 0 && scale.isFinite:
            let inverse = WeibullInverse(shape)
            kind = .weibull(QuantileTableCache.shared.table(.weibull(shape)) { QuantileTable(inverse) }, inverse, scale: scale)
        case .truncated(let base, let lower, let upper):
            kind = .truncated(PreparedDistribution(base), lo: base.cdf(lower), hi: base.cdf(upper), lower: lower, upper: upper)
        case .clipped(let base, let lower, let upper):
            kind = .clipped(PreparedDistribution(base), lower: lower, upper: upper)
        default:
            kind = .closedForm(distribution)
        }
    }

    private static func beta(_ a: Double, _ b: Double, lower: Double, width: Double) -> Kind {
        let inverse = BetaInverse(a, b)
        return .beta(QuantileTableCache.shared.table(.beta(a, b)) { QuantileTable(inverse) }, inverse, lower: lower, width: width)
    }

    /// Maps a column of uniforms to quantiles in place.
    /// - Parameters:
    ///   - column: Probabilities in (0, 1) on entry, quantiles on return.
    ///   - count: Number of values.
    package func quantiles(_ column: UnsafeMutablePointer<Double>, count: Int) {
        switch kind {
        case .closedForm(let distribution):
            distribution.quantiles(column, count: count)
        case .beta(let table, let inverse, let lower, let width):
            Self.tabulatedQuantiles(column, count: count, table: table, inverse: inverse, offset: lower, scale: width)
        case .gamma(let table, let inverse, let scale):
            Self.tabulatedQuantiles(column, count: count, table: table, inverse: inverse, offset: 0, scale: scale)
        case .lognormal(let table, let inverse, let scale):
            Self.tabulatedQuantiles(column, count: count, table: table, inverse: inverse, offset: 0, scale: scale)
        case .weibull(let table, let inverse, let scale):
            Self.tabulatedQuantiles(column, count: count, table: table, inverse: inverse, offset: 0, scale: scale)
        case .truncated(let base, let lo, let hi, let lower, let upper):
            Distribution.truncatedQuantiles(column, count: count, cdfBounds: (lo, hi), lower: lower, upper: upper) {
                base.quantiles($0, count: $1)
            }
        case .clipped(let base, let lower, let upper):
            base.quantiles(column, count: count)
            Distribution.clamp(column, count: count, lower: lower, upper: upper)
        }
    }

    /// Quantiles `offset + scale · x` with `x` from the table, or `x = exp(y)` from a table of `y = log x`
    /// (``QuantileTable/linear``; for beta `offset` is the lower bound and `scale` the width; for gamma 0
    /// and the scale), in blocks of 64: the table four lanes at a time without branches, then, for a table
    /// of logarithms, ``ExpKernel`` on the block (the same bits on every machine).
    /// Probabilities outside the table (within 5.7·10⁻¹⁴ of 0 or 1, exactly 1/2, NaN) and pieces left
    /// exact are solved exactly.
    private static func tabulatedQuantiles(
        _ column: UnsafeMutablePointer<Double>, count: Int, table: QuantileTable, inverse: some TransformedInverse,
        offset: Double, scale: Double
    ) {
        let bits = table.bits, linear = table.linear
        table.coefficients.withUnsafeBufferPointer { buffer in
            let c = buffer.baseAddress!
            withUnsafeTemporaryAllocation(of: Double.self, capacity: 64) { saved in
                let saved = saved.baseAddress!
                var start = 0
                while start < count {
                    let block = min(64, count - start)
                    let v = column + start
                    saved.update(from: v, count: block)
                    var unusable = SIMDMask<SIMD4<Int64>>(repeating: false), rest = false
                    var i = 0
                    // Four lanes at a time (QuantileTable.evaluate4: the same bits as one lane), without
                    // branches; lanes outside the table or on an exact piece are redone below.
                    while i + 4 <= block {
                        let p = UnsafeRawPointer(v + i).loadUnaligned(as: SIMD4<Double>.self)
                        let (y, inside) = QuantileTable.evaluate4(p, bits: bits, c)
                        unusable = unusable .| .!(inside .& (y .== y))
                        UnsafeMutableRawPointer(v + i).storeBytes(of: y, as: SIMD4<Double>.self)
                        i += 4
                    }
                    while i < block {
                        let (y, inside) = QuantileTable.evaluate(v[i], bits: bits, c)
                        rest = rest || !inside || y.isNaN
                        v[i] = y
                        i += 1
                    }
                    if !linear { ExpKernel.apply(v, count: block) }
                    for i in 0..<block { v[i] = offset + scale * v[i] }
                    if _slowPath(any(unusable) || rest) {
                        for i in 0..<block {
                            let (y, inside) = QuantileTable.evaluate(saved[i], bits: bits, c)
                            if !inside || y.isNaN { v[i] = offset + scale * inverse.quantile(saved[i]) }
                        }
                    }
                    start += block
                }
            }
        }
    }
}
