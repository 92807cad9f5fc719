/// Count, mean and sum of squared deviations of one output over one chunk.
public struct ChunkMoments: Sendable, Hashable {
    /// Samples in the chunk.
    public var count: Int
    /// Their mean.
    public var mean: Double
    /// Sum of squared deviations from the mean.
    public var m2: Double
    /// Whether every value was finite (an infinite or NaN value poisons the sums).
    public var allFinite = true
    /// Smallest and largest value in the chunk.
    public var min: Double = .infinity
    public var max: Double = -.infinity

    /// Creates moments; `min` and `max` default to an empty range.
    public init(count: Int, mean: Double, m2: Double, min: Double = .infinity, max: Double = -.infinity) {
        self.count = count
        self.mean = mean
        self.m2 = m2
        self.min = min
        self.max = max
    }

    /// Combines two sets of moments (Chan, Golub & LeVeque 1979).
    static func combine(_ a: ChunkMoments, _ b: ChunkMoments) -> ChunkMoments {
        guard a.count > 0 else { return b }
        guard b.count > 0 else { return a }
        let n = a.count + b.count
        let delta = b.mean - a.mean
        let mean = a.mean + delta * Double(b.count) / Double(n)
        let m2 = a.m2 + b.m2 + delta * delta * Double(a.count) * Double(b.count) / Double(n)
        var combined = ChunkMoments(count: n, mean: mean, m2: m2, min: Swift.min(a.min, b.min), max: Swift.max(a.max, b.max))
        combined.allFinite = a.allFinite && b.allFinite
        return combined
    }
}

extension ChunkMoments {
    /// The moments of a buffer, as the engine computes them (``MomentAccumulator``): shifted sums,
    /// no division per element, no cancellation for data whose spread is small next to its level, and
    /// m2 = 0 exactly when every value is equal.
    init(of values: UnsafeBufferPointer<Double>) {
        var accumulator = MomentAccumulator()
        accumulator.add(values)
        self = accumulator.moments
    }

    /// The samples of chunk `c` when `n` samples are split into `chunks` chunks: the first `n % chunks`
    /// chunks hold one sample more.
    static func range(chunk c: Int, of n: Int, chunks: Int) -> Range<Int> {
        let start = c * (n / chunks) + Swift.min(c, n % chunks)
        return start..<(start + n / chunks + (c < n % chunks ? 1 : 0))
    }
}
