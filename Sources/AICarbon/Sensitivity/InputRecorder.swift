/// A ``SampleObserver`` that keeps the sampled input columns of one batch, for methods that need every
/// sample of the inputs (ranks are global, so Spearman correlations cannot be streamed exactly).
///
/// Each tile is copied to its rows of the batch (`firstRow ..< firstRow + rows`); rows are fixed by the
/// chunk layout, never by the thread that ran them, so the stored matrix does not depend on the thread
/// count.
final class InputRecorder: SampleObserver, @unchecked Sendable {
    /// Samples per batch.
    let samples: Int
    /// The inputs, column-major: input `j` at `values + j × samples`.
    private(set) var values: UnsafeMutablePointer<Double>?
    /// Input columns.
    private(set) var dimension = 0

    /// A recorder for batches of `samples` samples.
    init(samples: Int) { self.samples = samples }

    deinit { values?.deallocate() }

    func begin(batch: Int, chunks: Int, inputs: Int, outputs: Int) {
        // A repeated or extended run starts over: only one batch is kept (sensitivity runs have no `until`).
        values?.deallocate()
        dimension = inputs
        values = .allocate(capacity: Swift.max(inputs * samples, 1))
    }

    func observe(batch: Int, chunk: Int, firstRow: Int, inputs: UnsafePointer<Double>,
                 outputs: UnsafeBufferPointer<UnsafeMutablePointer<Double>>, rows: Int) {
        guard let values else { return }
        for j in 0..<dimension { (values + j * samples + firstRow).update(from: inputs + j * rows, count: rows) }
    }

    func end(batch: Int) {}
}
