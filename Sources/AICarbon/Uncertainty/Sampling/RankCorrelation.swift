internal import CGSL
import Foundation

/// Induces rank (Spearman) correlations between uncertain inputs with a Gaussian copula.
///
/// The uniforms of correlated inputs are mapped to standard normals, mixed by the Cholesky factor of
/// the Pearson matrix R with `R_ij = 2 sin(π ρ_ij / 6)` (the Pearson correlation of a bivariate normal
/// whose Spearman correlation is ρ; Pearson 1907, Kruskal 1958), and mapped back to uniforms. The
/// marginals are unchanged; a Latin hypercube or Sobol' design keeps its stratification only in
/// uncorrelated inputs.
public struct RankCorrelation: Sendable, Hashable {
    /// The dimensions involved, in matrix order.
    let dimensions: [Int]
    /// Lower-triangular Cholesky factor of the Pearson matrix, row-major (k × k).
    let cholesky: [Double]

    /// Builds the copula from a target Spearman matrix.
    /// - Parameters:
    ///   - dimensions: Which columns of the uniform matrix take part.
    ///   - spearman: Target rank correlations, row-major k × k, symmetric with unit diagonal.
    /// - Throws: ``InputError`` if the matrix is not a valid positive-definite correlation matrix.
    public init(dimensions: [Int], spearman: [Double], field: String = "correlations",
                location: InputLocation? = nil) throws(InputError) {
        let k = dimensions.count
        precondition(spearman.count == k * k)
        var pearson = spearman.map { 2 * Foundation.sin(Double.pi * $0 / 6) }
        for i in 0..<k { pearson[i * k + i] = 1 }
        // Cholesky–Banachiewicz; fails (non-positive pivot) unless the matrix is positive definite.
        var l = [Double](repeating: 0, count: k * k)
        for i in 0..<k {
            for j in 0...i {
                var sum = pearson[i * k + j]
                for m in 0..<j { sum -= l[i * k + m] * l[j * k + m] }
                if i == j {
                    guard sum > 1e-12 else {
                        throw InputError(field: field, expected: "a positive-definite correlation matrix",
                                         found: "a matrix that is not (check that the correlations are consistent)",
                                         location: location)
                    }
                    l[i * k + i] = sum.squareRoot()
                } else {
                    l[i * k + j] = sum / l[j * k + j]
                }
            }
        }
        self.dimensions = dimensions
        cholesky = l
    }

    /// Builds the copula from declared pairs of inputs.
    /// - Parameters:
    ///   - list: The declared correlations (names, ρ, where declared).
    ///   - column: Resolves an input name to its simulation column, or throws the caller's error.
    /// - Throws: ``InputError`` for a correlation outside (−1, 1), a pair naming one input twice, or a
    ///   matrix that is not positive definite.
    static func declared(
        _ list: [EstimateSpec.Correlation], column: (String, InputLocation?) throws(InputError) -> Int
    ) throws(InputError) -> RankCorrelation {
        var involved: [Int] = []
        var pairs: [(Int, Int, Double)] = []
        for c in list {
            var local: [Int] = []
            for name in [c.first, c.second] {
                let j = try column(name, c.location)
                if !involved.contains(j) { involved.append(j) }
                local.append(involved.firstIndex(of: j)!)
            }
            guard c.rho > -1, c.rho < 1, local[0] != local[1] else {
                throw InputError(field: "correlations", expected: "a rank correlation strictly between -1 and 1 (±1 would make one input a function of the other) of two different inputs",
                                 found: "\(c.first), \(c.second): \(c.rho)", location: c.location)
            }
            // A pair given twice must agree: the second would otherwise silently replace the first.
            if let earlier = list.first(where: { $0.rho != c.rho && Set([$0.first, $0.second]) == Set([c.first, c.second]) }) {
                throw InputError(field: "correlations", expected: "each pair of inputs once (or with the same correlation)",
                                 found: "\(c.first), \(c.second) with \(earlier.rho) and \(c.rho)", location: c.location)
            }
            pairs.append((local[0], local[1], c.rho))
        }
        let k = involved.count
        var matrix = [Double](repeating: 0, count: k * k)
        for i in 0..<k { matrix[i * k + i] = 1 }
        for (a, b, rho) in pairs {
            matrix[a * k + b] = rho
            matrix[b * k + a] = rho
        }
        return try RankCorrelation(dimensions: involved, spearman: matrix, location: list.first?.location)
    }

    init(dimensions: [Int], cholesky: [Double]) {
        self.dimensions = dimensions
        self.cholesky = cholesky
    }

    /// Applies the copula in place to a chunk's uniforms (column-major, `count` rows).
    func apply(_ u: UnsafeMutablePointer<Double>, count: Int) {
        GSLRuntime.prepare()
        let k = dimensions.count
        var z = [Double](repeating: 0, count: k)
        for i in 0..<count {
            for a in 0..<k { z[a] = gsl_cdf_ugaussian_Pinv(u[dimensions[a] * count + i]) }
            for a in stride(from: k - 1, through: 0, by: -1) {
                var x = 0.0
                for b in 0...a { x += cholesky[a * k + b] * z[b] }
                let p = gsl_cdf_ugaussian_P(x)
                u[dimensions[a] * count + i] = min(max(p, UniformDesign.tiny), 1 - UniformDesign.tiny)
            }
        }
    }
}
