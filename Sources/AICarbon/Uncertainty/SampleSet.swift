/// The raw result of a simulation: every output's samples in a fixed order, with per-chunk moments.
public struct SampleSet: Sendable {
    /// Per output, the samples (chunk order, then row order within the chunk).
    public var outputs: [SampleColumn]
    /// Per output, per chunk: (count, mean, sum of squared deviations), in chunk order.
    public var chunkMoments: [[ChunkMoments]]
    /// Samples drawn.
    public var count: Int { outputs.first?.count ?? 0 }
    /// Batches run (more than one when a precision target extended the run).
    public var batches: Int

    init(outputs: [SampleColumn], chunkMoments: [[ChunkMoments]], batches: Int) {
        self.outputs = outputs
        self.chunkMoments = chunkMoments
        self.batches = batches
    }

    /// A sample set from computed columns (e.g. paired differences), with chunk moments over `chunks`
    /// equal chunks laid out as the engine lays them out.
    init(derived columns: [[Double]], chunks: Int) {
        batches = 1
        outputs = columns.map { values in
            let column = SampleColumn(capacity: values.count)
            let base = column.reserve(values.count)
            values.withUnsafeBufferPointer { base.update(from: $0.baseAddress!, count: values.count) }
            column.commit(values.count)
            return column
        }
        chunkMoments = columns.map { values in
            let n = values.count, k = Swift.min(chunks, Swift.max(n, 1))
            return (0..<k).map { c in
                let start = c * (n / k) + Swift.min(c, n % k), size = n / k + (c < n % k ? 1 : 0)
                var moments = ChunkMoments(count: 0, mean: 0, m2: 0)
                for v in values[start..<(start + size)] {
                    moments = ChunkMoments.combine(moments, ChunkMoments(count: 1, mean: v, m2: 0, min: v, max: v))
                }
                return moments
            }
        }
    }
}

/// Count, mean and sum of squared deviations of one output over one chunk.
public struct ChunkMoments: Sendable, Hashable {
    public var count: Int
    public var mean: Double
    public var m2: Double
    /// Smallest and largest value in the chunk.
    public var min: Double = .infinity
    public var max: Double = -.infinity

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
        return ChunkMoments(count: n, mean: mean, m2: m2, min: Swift.min(a.min, b.min), max: Swift.max(a.max, b.max))
    }
}
