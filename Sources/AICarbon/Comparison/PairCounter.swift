/// Counts, per pair of a ``PairedModel`` run, the paired samples with A < B and the ties, while the run
/// streams (a ``SampleObserver``: no sample is stored for it).
///
/// A tie is rounding noise, the same value summed in another order: `|A − B| ≤ 10⁻¹² max(|A|, |B|)`;
/// it is not counted as A < B. Counts are kept per chunk (each chunk is observed by one thread) and are
/// whole numbers, so the totals do not depend on the number of threads.
final class PairCounter: SampleObserver, @unchecked Sendable {
    /// Pairs counted.
    let pairs: Int
    private var chunks = 0
    /// `less[chunk × pairs + p]` and `ties[chunk × pairs + p]`.
    private var less: UnsafeMutablePointer<Int>?, ties: UnsafeMutablePointer<Int>?

    /// A counter for `pairs` pairs.
    init(pairs: Int) { self.pairs = pairs }

    deinit { release() }

    private func release() {
        less?.deallocate()
        ties?.deallocate()
        less = nil
        ties = nil
    }

    func begin(batch: Int, chunks: Int, inputs: Int, outputs: Int) {
        precondition(outputs == 3 * pairs, "a pair counter observes a paired model")
        release()
        self.chunks = chunks
        less = .allocate(capacity: Swift.max(chunks * pairs, 1))
        less!.initialize(repeating: 0, count: chunks * pairs)
        ties = .allocate(capacity: Swift.max(chunks * pairs, 1))
        ties!.initialize(repeating: 0, count: chunks * pairs)
    }

    func observe(batch: Int, chunk: Int, firstRow: Int, inputs: UnsafePointer<Double>,
                 outputs: UnsafeBufferPointer<UnsafeMutablePointer<Double>>, rows: Int) {
        guard let less, let ties else { return }
        for p in 0..<pairs {
            let a = outputs[PairedModel.column(pair: p)], b = outputs[PairedModel.column(pair: p) + 1]
            var below = 0, tied = 0
            for i in 0..<rows {
                let tie = abs(a[i] - b[i]) <= 1e-12 * Swift.max(abs(a[i]), abs(b[i]))
                tied &+= tie ? 1 : 0
                below &+= !tie && a[i] < b[i] ? 1 : 0
            }
            less[chunk * pairs + p] += below
            ties[chunk * pairs + p] += tied
        }
    }

    func end(batch: Int) {}

    /// Paired samples with A < B (ties excluded) and ties, per pair, over every chunk.
    var totals: (less: [Int], ties: [Int]) {
        var l = [Int](repeating: 0, count: pairs), t = [Int](repeating: 0, count: pairs)
        guard let less, let ties else { return (l, t) }
        for k in 0..<chunks {
            for p in 0..<pairs {
                l[p] += less[k * pairs + p]
                t[p] += ties[k * pairs + p]
            }
        }
        return (l, t)
    }
}
