/// One chunk's stream of uniforms in (0, 1) by Monte Carlo, Latin hypercube or randomly shifted Sobol'
/// points, handed out a tile at a time so that sampling, the model and the moments of a tile stay in
/// cache.
///
/// A tile is `dimension` columns of `count` values, column-major. The sequence of tiles depends only on
/// the chunk's generator, never on the tile boundaries chosen by the caller for Monte Carlo and
/// Sobol'; a Latin hypercube is laid out for the whole chunk when the design is created.
final class UniformDesign {
    /// The smallest uniform handed to an inverse CDF (2⁻⁵³), so that no quantile is taken at 0.
    static let tiny = 0x1p-53

    private let method: SamplingMethod
    private let dimension: Int
    private let rng: RandomGenerator
    /// Latin hypercube: the whole chunk, column-major (`dimension` × `count`).
    private var hypercube: UnsafeMutablePointer<Double>?
    private let count: Int
    /// Sobol': the generator, its random shift and one point.
    private var sobol: SobolSequence?
    private var shift: [Double] = []
    private var point: [Double] = []
    /// Rows handed out so far.
    private var position = 0

    /// Prepares the design of one chunk.
    /// - Parameters:
    ///   - method: The design.
    ///   - dimension: Number of uncertain inputs.
    ///   - count: Samples in the chunk.
    ///   - rng: The chunk's generator (also used for permutations and shifts).
    /// - Throws: ``InputError`` if the Sobol' dimension is unsupported.
    init(method: SamplingMethod, dimension: Int, count: Int, rng: RandomGenerator) throws(InputError) {
        self.method = method
        self.dimension = dimension
        self.count = count
        self.rng = rng
        guard dimension > 0, count > 0 else { return }
        switch method {
        case .mc:
            break
        case .lhs:
            // Column j: u = (π_j(i) + V) / n with π_j a uniform random permutation and V ~ U(0, 1)
            // (McKay, Beckman & Conover 1979).
            let u = UnsafeMutablePointer<Double>.allocate(capacity: dimension * count)
            let stratum = UnsafeMutablePointer<Int>.allocate(capacity: count)
            defer { stratum.deallocate() }
            let n = Double(count)
            for j in 0..<dimension {
                let column = u + j * count
                rng.fillUniform(column, count: count)
                for i in 0..<count { stratum[i] = i }
                for i in stride(from: count - 1, to: 0, by: -1) {
                    let k = rng.integer(below: i + 1)
                    if k != i { swap(&stratum[i], &stratum[k]) }
                }
                for i in 0..<count { column[i] = (Double(stratum[i]) + column[i]) / n }
            }
            hypercube = u
        case .sobol:
            sobol = try SobolSequence(dimension: dimension)
            shift = [Double](repeating: 0, count: dimension)
            point = [Double](repeating: 0, count: dimension)
            shift.withUnsafeMutableBufferPointer { rng.fillUniform($0.baseAddress!, count: dimension) }
        }
    }

    deinit { hypercube?.deallocate() }

    /// Writes the next `rows` samples' uniforms to `tile` (`dimension` columns of `rows`, column-major).
    func next(_ tile: UnsafeMutablePointer<Double>, rows: Int) {
        guard dimension > 0, rows > 0 else { return }
        precondition(position + rows <= count, "design exhausted")
        defer { position += rows }
        switch method {
        case .mc:
            rng.fillUniform(tile, count: dimension * rows)
        case .lhs:
            for j in 0..<dimension {
                (tile + j * rows).update(from: hypercube! + j * count + position, count: rows)
            }
        case .sobol:
            let sequence = sobol!
            point.withUnsafeMutableBufferPointer { point in
                for i in 0..<rows {
                    sequence.next(point.baseAddress!)
                    for j in 0..<dimension {
                        var x = point[j] + shift[j]
                        if x >= 1 { x -= 1 }
                        tile[j * rows + i] = max(x, Self.tiny)
                    }
                }
            }
        }
    }
}
