/// Accumulates the moments of one output over one chunk, a tile at a time, in a fixed order: four
/// interleaved lanes of shifted sums (shift = the chunk's first value), combined lane by lane at the end.
/// The result depends only on the values and their order, never on how the chunk was split into tiles
/// of multiples of four, so runs stay bit-identical whatever the thread count.
struct MomentAccumulator {
    private var shift = 0.0
    private var count = 0
    private var sum = SIMD4<Double>()
    private var squares = SIMD4<Double>()
    private var lowest = SIMD4<Double>(repeating: .infinity)
    private var highest = SIMD4<Double>(repeating: -.infinity)

    /// Adds `values` (every tile but a chunk's last must hold a multiple of four values).
    mutating func add(_ values: UnsafeBufferPointer<Double>) {
        guard begin(values) else { return }
        var lanes = Lanes(self)
        let whole = values.count & ~3
        let base = UnsafeRawPointer(values.baseAddress!)
        var i = 0
        while i < whole {
            lanes.add(base.loadUnaligned(fromByteOffset: i * 8, as: SIMD4<Double>.self))
            i += 4
        }
        for lane in 0..<(values.count - whole) { lanes.add(values[whole + lane], lane: lane) }
        end(lanes, count: values.count)
    }

    /// Adds `values` as ``add(_:)`` does (the same operations in the same order, so the same moments) while
    /// writing their cells of `binning` to `cells`, as ``CountingBins/cells(_:count:into:)`` does: one pass
    /// over the values for both (``BinTally/add(_:binning:moments:)``).
    mutating func add(_ values: UnsafeBufferPointer<Double>, cells binning: CountingBins, into cells: UnsafeMutablePointer<Int32>) {
        guard begin(values) else { return }
        var lanes = Lanes(self)
        binning.cells(values.baseAddress!, count: values.count, into: cells,
                      visiting: { lanes.add($0) }, rest: { lanes.add($0, lane: $1) })
        end(lanes, count: values.count)
    }

    /// Before adding `values`: false when there are none; else sets the shift on a chunk's first value
    /// and checks that no partial lane was left before.
    @inline(__always)
    private mutating func begin(_ values: UnsafeBufferPointer<Double>) -> Bool {
        guard let first = values.first else { return false }
        if count == 0 { shift = first }
        precondition(count % 4 == 0, "only the last tile may leave a partial lane")
        return true
    }

    /// After adding `count` values into `lanes`: keeps their sums and extremes.
    @inline(__always)
    private mutating func end(_ lanes: Lanes, count: Int) {
        sum = lanes.sum
        squares = lanes.squares
        lowest = lanes.lowest
        highest = lanes.highest
        self.count += count
    }

    /// The running lanes while a tile is added, held in locals (registers) rather than in the accumulator.
    private struct Lanes {
        let shift: Double
        let shifts: SIMD4<Double>
        var sum: SIMD4<Double>
        var squares: SIMD4<Double>
        var lowest: SIMD4<Double>
        var highest: SIMD4<Double>

        @inline(__always)
        init(_ accumulator: MomentAccumulator) {
            shift = accumulator.shift
            shifts = SIMD4(repeating: accumulator.shift)
            sum = accumulator.sum
            squares = accumulator.squares
            lowest = accumulator.lowest
            highest = accumulator.highest
        }

        /// Four values, one per lane.
        @inline(__always)
        mutating func add(_ v: SIMD4<Double>) {
            let y = v - shifts
            sum += y
            squares += y * y
            lowest = lowest.replacing(with: v, where: v .< lowest)
            highest = highest.replacing(with: v, where: v .> highest)
        }

        /// One value of a chunk's last, partial group, in lane `lane`.
        @inline(__always)
        mutating func add(_ v: Double, lane: Int) {
            let y = v - shift
            sum[lane] += y
            squares[lane] += y * y
            lowest[lane] = Swift.min(lowest[lane], v)
            highest[lane] = Swift.max(highest[lane], v)
            // A NaN compares false above; the sums still carry it.
        }
    }

    /// The chunk's moments.
    var moments: ChunkMoments {
        guard count > 0 else { return ChunkMoments(count: 0, mean: 0, m2: 0) }
        let total = (sum[0] + sum[1]) + (sum[2] + sum[3])
        let totalSquares = (squares[0] + squares[1]) + (squares[2] + squares[3])
        let low = lowest.min(), high = highest.max()
        let n = Double(count)
        let constant = low == high
        var result = ChunkMoments(count: count, mean: constant ? shift : shift + total / n,
                                  m2: constant ? 0 : Swift.max(0, totalSquares - total * total / n), min: low, max: high)
        result.allFinite = total.isFinite && totalSquares.isFinite && low.isFinite && high.isFinite
        return result
    }
}
