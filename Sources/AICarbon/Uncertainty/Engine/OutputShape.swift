import Foundation

/// What the stored chunks of a streamed run showed of one output: values that vary, one finite value
/// throughout, or bit for bit the values of an earlier output (an estimate's total energy equals its
/// training energy when nothing is served; a quantity fixed by the inputs is the same in every sample).
///
/// A constant or a copy need not be counted sample by sample: a constant's summary comes from its count
/// alone and a copy's from its source's tallies, which give the same summary bit for bit (the same
/// values, hence the same binning and the same counts). The pilot is not trusted for this: every later tile
/// is checked (``holds(_:rows:outputs:)``, one comparison a value, a tenth of the cost of counting) and a
/// tile that breaks the shape makes the run fall back to storing every sample, as a wanted rank outside
/// the kept cells does, so summaries are the same either way.
enum OutputShape: Equatable, Sendable {
    /// Values that vary (or were not found to be constant or a copy): counted.
    case sampled
    /// Every stored value is this finite value, bit for bit.
    case constant(Double)
    /// Every stored value is bit for bit the value of this earlier output (itself ``sampled``), whose
    /// wanted percentiles are the same.
    case copy(of: Int)

    /// The shape of each of `outputs` stored columns of `rows` values (output `o` at `stored + o × rows`).
    /// - Parameters:
    ///   - stored: The first stored value of output 0.
    ///   - rows: Values stored per output (at least one).
    ///   - outputs: Number of outputs.
    ///   - percentiles: Per output, the percentiles it reports (a copy must report the same as its source).
    /// - Returns: One shape per output; a copy's source is the first earlier sampled output with its values.
    static func detect(stored: UnsafePointer<Double>, rows: Int, outputs: Int, percentiles: [[Double]]) -> [OutputShape] {
        var shapes: [OutputShape] = []
        for o in 0..<outputs {
            let column = stored + o * rows
            let first = column[0]
            if first.isFinite && isConstant(stored: column, rows: rows, value: first) {
                shapes.append(.constant(first))
            } else if let source = (0..<o).first(where: { shapes[$0] == .sampled && percentiles[$0] == percentiles[o]
                                                      && memcmp(stored + $0 * rows, column, rows * 8) == 0 }) {
                shapes.append(.copy(of: source))
            } else {
                shapes.append(.sampled)
            }
        }
        return shapes
    }

    /// Whether a tile's values of this output still have the shape.
    /// - Parameters:
    ///   - values: The output's values in the tile.
    ///   - rows: Values in the tile.
    ///   - outputs: Every output's values in the tile (a copy's source is read there).
    /// - Returns: True for ``sampled``; for a constant, whether every value is it bit for bit; for a copy,
    ///   whether the values are its source's bit for bit.
    @inline(__always)
    func holds(_ values: UnsafePointer<Double>, rows: Int, outputs: UnsafeMutableBufferPointer<UnsafeMutablePointer<Double>>) -> Bool {
        switch self {
        case .sampled: return true
        case .constant(let value): return Self.isConstant(values, count: rows, value: value)
        case .copy(let source): return memcmp(outputs[source], values, rows * 8) == 0
        }
    }

    /// Whether a stored column is `value` throughout, a block of 1,024 at a time, stopping at the first block
    /// that is not (most columns vary from their first values on).
    private static func isConstant(stored column: UnsafePointer<Double>, rows: Int, value: Double) -> Bool {
        var start = 0
        while start < rows {
            let count = Swift.min(1_024, rows - start)
            guard isConstant(column + start, count: count, value: value) else { return false }
            start += count
        }
        return true
    }

    /// Whether every one of `count` values is `value` bit for bit: branch-free over four lanes of bit patterns.
    static func isConstant(_ values: UnsafePointer<Double>, count: Int, value: Double) -> Bool {
        let pattern = SIMD4<UInt64>(repeating: value.bitPattern)
        var differ = SIMD4<UInt64>()
        let whole = count & ~3
        var i = 0
        while i < whole {
            differ |= UnsafeRawPointer(values + i).loadUnaligned(as: SIMD4<UInt64>.self) ^ pattern
            i += 4
        }
        var rest: UInt64 = 0
        for r in whole..<count { rest |= values[r].bitPattern ^ value.bitPattern }
        return (differ[0] | differ[1] | differ[2] | differ[3] | rest) == 0
    }
}
