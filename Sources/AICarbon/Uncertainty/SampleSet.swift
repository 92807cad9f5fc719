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
