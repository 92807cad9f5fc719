/// The raw result of a simulation: every output's samples in a fixed order, with per-chunk moments.
public struct SampleSet: Sendable {
    /// Per output, the samples (chunk order, then row order within the chunk).
    public var outputs: [[Double]]
    /// Per output, per chunk: (count, mean, sum of squared deviations), in chunk order.
    public var chunkMoments: [[ChunkMoments]]
    /// Samples drawn.
    public var count: Int { outputs.first?.count ?? 0 }
    /// Batches run (more than one when a precision target extended the run).
    public var batches: Int
}

/// Count, mean and sum of squared deviations of one output over one chunk.
public struct ChunkMoments: Sendable, Hashable {
    public var count: Int
    public var mean: Double
    public var m2: Double

    /// Combines two sets of moments (Chan, Golub & LeVeque 1979).
    static func combine(_ a: ChunkMoments, _ b: ChunkMoments) -> ChunkMoments {
        guard a.count > 0 else { return b }
        guard b.count > 0 else { return a }
        let n = a.count + b.count
        let delta = b.mean - a.mean
        let mean = a.mean + delta * Double(b.count) / Double(n)
        let m2 = a.m2 + b.m2 + delta * delta * Double(a.count) * Double(b.count) / Double(n)
        return ChunkMoments(count: n, mean: mean, m2: m2)
    }
}
