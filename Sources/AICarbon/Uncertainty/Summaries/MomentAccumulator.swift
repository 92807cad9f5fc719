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
        guard let first = values.first else { return }
        if count == 0 { shift = first }
        precondition(count % 4 == 0, "only the last tile may leave a partial lane")
        let s = SIMD4<Double>(repeating: shift)
        let whole = values.count & ~3
        let base = UnsafeRawPointer(values.baseAddress!)
        var i = 0
        while i < whole {
            let v = base.loadUnaligned(fromByteOffset: i * 8, as: SIMD4<Double>.self)
            let y = v - s
            sum += y
            squares += y * y
            lowest = lowest.replacing(with: v, where: v .< lowest)
            highest = highest.replacing(with: v, where: v .> highest)
            i += 4
        }
        for lane in 0..<(values.count - whole) {
            let v = values[whole + lane], y = v - shift
            sum[lane] += y
            squares[lane] += y * y
            lowest[lane] = Swift.min(lowest[lane], v)
            highest[lane] = Swift.max(highest[lane], v)
            // A NaN compares false above; the sums still carry it.
        }
        count += values.count
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
