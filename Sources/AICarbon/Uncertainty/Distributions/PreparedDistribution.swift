import AICarbonKernels
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

    /// Only the cases that hold another prepared distribution are boxed, so that the engine's quantile loops
    /// read a table where it is stored (no box to copy out of, no reference counts to bump per tile).
    private enum Kind: Sendable {
        case closedForm(Distribution)
        /// `offset + scale · x` with x from the table (the exact inverse only for values the table does not
        /// cover).
        case tabulated(QuantileTable, any TransformedInverse, offset: Double, scale: Double)
        indirect case truncated(PreparedDistribution, lo: Double, hi: Double, lower: Double, upper: Double)
        indirect case clipped(PreparedDistribution, lower: Double, upper: Double)
    }

    /// Prepares `distribution`, building (or fetching) its quantile table.
    package init(_ distribution: Distribution) {
        switch distribution {
        case .pert(let a, let c, let b):
            let (alpha, beta) = Distribution.pertShapes(a, c, b)
            kind = Self.tabulated(.beta(alpha, beta), BetaInverse(alpha, beta), offset: a, scale: b - a)
        case .beta(let alpha, let beta, let lower, let upper):
            kind = Self.tabulated(.beta(alpha, beta), BetaInverse(alpha, beta), offset: lower, scale: upper - lower)
        case .gamma(let shape, let scale):
            kind = Self.tabulated(.gamma(shape), GammaInverse(shape), offset: 0, scale: scale)
        case .lognormal(let mu, let sigma) where sigma > 0 && sigma.isFinite && mu.magnitude < 700:
            kind = Self.tabulated(.lognormal(sigma), LognormalInverse(sigma), offset: 0, scale: Foundation.exp(mu))
        case .weibull(let shape, let scale) where shape > 0 && shape.isFinite && scale > 0 && scale.isFinite:
            kind = Self.tabulated(.weibull(shape), WeibullInverse(shape), offset: 0, scale: scale)
        case .truncated(let base, let lower, let upper):
            kind = .truncated(PreparedDistribution(base), lo: base.cdf(lower), hi: base.cdf(upper), lower: lower, upper: upper)
        case .clipped(let base, let lower, let upper):
            kind = .clipped(PreparedDistribution(base), lower: lower, upper: upper)
        default:
            kind = .closedForm(distribution)
        }
    }

    /// The table of `key` (built from `inverse` if not cached), mapped to `offset + scale · x`.
    private static func tabulated(_ key: QuantileTableCache.Key, _ inverse: some TransformedInverse, offset: Double,
                                  scale: Double) -> Kind {
        .tabulated(QuantileTableCache.shared.table(key) { QuantileTable(inverse) }, inverse, offset: offset, scale: scale)
    }

    /// Maps a column of uniforms to quantiles in place.
    /// - Parameters:
    ///   - column: Probabilities in (0, 1) on entry, quantiles on return.
    ///   - count: Number of values.
    package func quantiles(_ column: UnsafeMutablePointer<Double>, count: Int) {
        quantiles(column, count: count, kernel: .best)
    }

    /// Maps a column of uniforms to quantiles in place, choosing how tables are evaluated.
    /// - Parameters:
    ///   - column: Probabilities in (0, 1) on entry, quantiles on return.
    ///   - count: Number of values.
    ///   - kernel: How tables are evaluated (every kernel gives the same bits); one of
    ///     ``VectorKernel/available``.
    func quantiles(_ column: UnsafeMutablePointer<Double>, count: Int, kernel: VectorKernel) {
        switch kind {
        case .closedForm(let distribution):
            distribution.quantiles(column, count: count)
        case .tabulated(let table, let inverse, let offset, let scale):
            Self.tabulatedQuantiles(column, count: count, table: table, inverse: inverse, offset: offset, scale: scale,
                                    kernel: kernel)
        case .truncated(let base, let lo, let hi, let lower, let upper):
            Distribution.truncatedQuantiles(column, count: count, cdfBounds: (lo, hi), lower: lower, upper: upper) {
                base.quantiles($0, count: $1, kernel: kernel)
            }
        case .clipped(let base, let lower, let upper):
            base.quantiles(column, count: count, kernel: kernel)
            Distribution.clamp(column, count: count, lower: lower, upper: upper)
        }
    }

    /// Quantiles `offset + scale · x` with `x` from the table, or `x = exp(y)` from a table of `y = log x`
    /// (``QuantileTable/linear``; for beta `offset` is the lower bound and `scale` the width; for gamma,
    /// lognormal and Weibull 0 and the scale), by ``KernelBlocks``: the table four lanes at a time without
    /// branches (by `kernel`: in C with AVX2 or AVX-512F, or ``QuantileTable/evaluate4``),
    /// then, for a table of logarithms, ``ExpKernel`` on the block (the same bits on every machine).
    /// Probabilities outside the table (within 2⁻²⁰ of 0 or 1, exactly 1/2, NaN) and pieces left exact are
    /// solved exactly by `inverse`.
    private static func tabulatedQuantiles(
        _ column: UnsafeMutablePointer<Double>, count: Int, table: QuantileTable, inverse: any TransformedInverse,
        offset: Double, scale: Double, kernel: VectorKernel
    ) {
        let bits = table.bits, linear = table.linear
        table.coefficients.withUnsafeBufferPointer { buffer in
            let c = buffer.baseAddress!
            var layout = aic_quantile_table(coefficients: c, bits: Int64(bits), binades: Int64(QuantileTable.binades),
                                            lowest_exponent: Int64(QuantileTable.lowestExponent),
                                            lowest_mass: QuantileTable.lowestMass)
            KernelBlocks.apply(column, count: count,
                               quads: { v, quads in
                                   switch kernel {
                                   case .avx512: return aic_quantile_table_evaluate_avx512(v, Int64(4 * quads), &layout) != 0
                                   case .avx2: return aic_quantile_table_evaluate_avx2(v, Int64(4 * quads), &layout) != 0
                                   case .portable:
                                       return KernelBlocks.map(v, quads: quads) { p in
                                           let (y, inside) = QuantileTable.evaluate4(p, bits: bits, c)
                                           return (y, inside .& (y .== y))
                                       }
                                   }
                               },
                               one: { QuantileTable.evaluate($0, bits: bits, c).y },
                               usable: { p in
                                   let (y, inside) = QuantileTable.evaluate(p, bits: bits, c)
                                   return inside && !y.isNaN
                               },
                               finish: { v, block in
                                   if !linear { ExpKernel.apply(v, count: block) }
                                   for i in 0..<block { v[i] = offset + scale * v[i] }
                               },
                               exact: { offset + scale * inverse.quantile($0) })
        }
    }
}
