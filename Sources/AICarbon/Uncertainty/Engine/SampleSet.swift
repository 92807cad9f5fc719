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
    /// Whether the precision target (``SimulationSettings/until``) was met: false when the run stopped at
    /// ``SimulationSettings/maxSamples`` first; nil without a target.
    public internal(set) var targetMet: Bool?

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
            let k = Swift.min(chunks, Swift.max(values.count, 1))
            return values.withUnsafeBufferPointer { buffer in
                (0..<k).map { c in ChunkMoments(of: UnsafeBufferPointer(rebasing: buffer[ChunkMoments.range(chunk: c, of: values.count, chunks: k)])) }
            }
        }
    }
}
