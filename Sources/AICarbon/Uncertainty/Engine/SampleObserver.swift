/// A consumer of samples: sees every tile of a run, the sampled inputs and the model's outputs, without
/// the engine storing them.
///
/// Sensitivity estimators, histograms and scatter data are computed this way while streaming. The
/// engine calls ``observe(batch:chunk:firstRow:inputs:outputs:rows:)`` for each tile; different chunks
/// may be observed at the same time on different threads, but one chunk's tiles come from one thread,
/// in row order. An observer keeps a partial result per chunk and combines them in chunk order in
/// ``end(batch:)``, so that what it computes does not depend on the number of threads.
public protocol SampleObserver: AnyObject, Sendable {
    /// A batch begins: `chunks` chunks of `inputs` input and `outputs` output columns. When a run is
    /// repeated (a streamed run that falls back to storing every sample), the batch begins again and
    /// the observer starts over.
    func begin(batch: Int, chunks: Int, inputs: Int, outputs: Int)
    /// One tile of a chunk.
    /// - Parameters:
    ///   - batch: Batch index (0 unless a precision target adds batches).
    ///   - chunk: Chunk index within the batch.
    ///   - firstRow: Row of the tile's first sample within the batch.
    ///   - inputs: Sampled input values, column-major: input `j` at `inputs + j × rows`.
    ///   - outputs: One pointer per model output column, `rows` values each.
    ///   - rows: Samples in the tile.
    func observe(batch: Int, chunk: Int, firstRow: Int, inputs: UnsafePointer<Double>,
                 outputs: UnsafeBufferPointer<UnsafeMutablePointer<Double>>, rows: Int)
    /// Every chunk of the batch has been observed.
    func end(batch: Int)
}
