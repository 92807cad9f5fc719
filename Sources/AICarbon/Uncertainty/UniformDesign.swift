/// Fills one chunk's matrix of uniforms in (0, 1): `dimension` columns of `count` values each,
/// column-major, by Monte Carlo, Latin hypercube or randomly shifted Sobol' points.
enum UniformDesign {
    /// The smallest uniform handed to an inverse CDF (2⁻⁵³), so that no quantile is taken at 0.
    static let tiny = 0x1p-53

    /// Fills `u` (dimension × count, column-major).
    /// - Parameters:
    ///   - u: Destination, `dimension * count` values.
    ///   - dimension: Number of uncertain inputs.
    ///   - count: Samples in the chunk.
    ///   - method: The design.
    ///   - rng: The chunk's generator (also used for permutations and shifts).
    /// - Throws: ``InputError`` if the Sobol' dimension is unsupported.
    static func fill(
        _ u: UnsafeMutablePointer<Double>, dimension: Int, count: Int, method: SamplingMethod, rng: RandomGenerator
    ) throws(InputError) {
        guard dimension > 0, count > 0 else { return }
        switch method {
        case .mc:
            rng.fillUniform(u, count: dimension * count)
        case .lhs:
            // Column j: u = (π_j(i) + V) / n with π_j a uniform random permutation and V ~ U(0, 1).
            let n = Double(count)
            for j in 0..<dimension {
                let column = u + j * count
                rng.fillUniform(column, count: count)
                let stratum = UnsafeMutablePointer<Int>.allocate(capacity: count)
                defer { stratum.deallocate() }
                for i in 0..<count { stratum[i] = i }
                for i in stride(from: count - 1, to: 0, by: -1) {
                    let k = rng.integer(below: i + 1)
                    if k != i { swap(&stratum[i], &stratum[k]) }
                }
                for i in 0..<count { column[i] = (Double(stratum[i]) + column[i]) / n }
            }
        case .sobol:
            let sobol = try SobolSequence(dimension: dimension)
            let shift = UnsafeMutablePointer<Double>.allocate(capacity: dimension)
            let point = UnsafeMutablePointer<Double>.allocate(capacity: dimension)
            defer { shift.deallocate(); point.deallocate() }
            rng.fillUniform(shift, count: dimension)
            for i in 0..<count {
                sobol.next(point)
                for j in 0..<dimension {
                    var x = point[j] + shift[j]
                    if x >= 1 { x -= 1 }
                    u[j * count + i] = max(x, tiny)
                }
            }
        }
    }
}
