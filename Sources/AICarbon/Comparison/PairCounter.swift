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
            // Four rows at a time in vector lanes: the same tests as ``classify(_:_:)`` (a NaN ties nothing
            // and is never below, whichever way the larger magnitude is taken).
            let whole = rows & ~3
            var belowLanes = SIMD4<Int64>(), tiedLanes = SIMD4<Int64>()
            var i = 0
            while i < whole {
                let x = UnsafeRawPointer(a + i).loadUnaligned(as: SIMD4<Double>.self)
                let y = UnsafeRawPointer(b + i).loadUnaligned(as: SIMD4<Double>.self)
                let scale = 1e-12 * Self.magnitude(x).replacing(with: Self.magnitude(y), where: Self.magnitude(y) .>= Self.magnitude(x))
                let tie = Self.magnitude(x - y) .<= scale
                tiedLanes &+= SIMD4<Int64>().replacing(with: 1, where: tie)
                belowLanes &+= SIMD4<Int64>().replacing(with: 1, where: .!tie .& (x .< y))
                i += 4
            }
            below = Int(belowLanes.wrappedSum())
            tied = Int(tiedLanes.wrappedSum())
            while i < rows {
                let (isBelow, isTie) = Self.classify(a[i], b[i])
                tied &+= isTie ? 1 : 0
                below &+= isBelow ? 1 : 0
                i += 1
            }
            less[chunk * pairs + p] += below
            ties[chunk * pairs + p] += tied
        }
    }

    /// Whether A < B by more than rounding, and whether they tie: `|A − B| ≤ 10⁻¹² max(|A|, |B|)`.
    static func classify(_ a: Double, _ b: Double) -> (below: Bool, tie: Bool) {
        let tie = abs(a - b) <= 1e-12 * Swift.max(abs(a), abs(b))
        return (!tie && a < b, tie)
    }

    /// |x| lane by lane (the sign bit cleared, as `abs`).
    @inline(__always)
    private static func magnitude(_ x: SIMD4<Double>) -> SIMD4<Double> {
        unsafeBitCast(unsafeBitCast(x, to: SIMD4<UInt64>.self) & SIMD4(repeating: ~(1 << 63)), to: SIMD4<Double>.self)
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
