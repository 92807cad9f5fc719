/// The block driver of the four-lane column maps (``ExpKernel``, and the quantile tables of
/// `PreparedDistribution`): a column is mapped in blocks of 64, four lanes at a time without branches,
/// each lane telling whether its value is usable; the block is then finished (a step applied to every
/// value, such as scaling), and the values that were not usable are redone, one at a time, exactly. Each
/// lane is the one-value operation operation for operation, so a value is the same bits in a column as
/// alone.
enum KernelBlocks {
    /// Maps `column` in place, four lanes at a time.
    /// - Parameters:
    ///   - column: Arguments on entry, results on return.
    ///   - count: Number of values.
    ///   - lanes: Four arguments' values, and which of them are usable.
    ///   - one: One argument's value (the same operations as a lane; ignored when not `usable`).
    ///   - usable: Whether an argument's value from `lanes` or `one` is usable (the same test).
    ///   - finish: A step applied to a block's values before the unusable ones are redone.
    ///   - exact: The final value of an argument whose fast value is not usable.
    @inline(__always)
    static func apply(
        _ column: UnsafeMutablePointer<Double>, count: Int,
        lanes: (SIMD4<Double>) -> (SIMD4<Double>, SIMDMask<SIMD4<Int64>>), one: (Double) -> Double,
        usable: (Double) -> Bool, finish: (UnsafeMutablePointer<Double>, Int) -> Void = { _, _ in },
        exact: (Double) -> Double
    ) {
        apply(column, count: count, quads: { map($0, quads: $1, lanes: lanes) }, one: one, usable: usable,
              finish: finish, exact: exact)
    }

    /// Maps `4 · quads` values in place, four lanes at a time.
    /// - Parameters:
    ///   - v: The values.
    ///   - quads: Number of groups of four.
    ///   - lanes: Four arguments' values, and which of them are usable.
    /// - Returns: Whether every value is usable.
    @inline(__always)
    static func map(
        _ v: UnsafeMutablePointer<Double>, quads: Int, lanes: (SIMD4<Double>) -> (SIMD4<Double>, SIMDMask<SIMD4<Int64>>)
    ) -> Bool {
        var unusable = SIMDMask<SIMD4<Int64>>(repeating: false)
        for i in stride(from: 0, to: 4 * quads, by: 4) {
            let (y, fine) = lanes(UnsafeRawPointer(v + i).loadUnaligned(as: SIMD4<Double>.self))
            unusable = unusable .| .!fine
            UnsafeMutableRawPointer(v + i).storeBytes(of: y, as: SIMD4<Double>.self)
        }
        return !any(unusable)
    }

    /// Maps `column` in place, with `quads` mapping each block's values four at a time (a vector kernel of
    /// its own, such as one in C for a wider instruction set).
    /// - Parameters:
    ///   - column: Arguments on entry, results on return.
    ///   - count: Number of values.
    ///   - quads: Maps the first `4 · n` values at the pointer in place (`n`, the second argument, is the
    ///     number of groups of four); returns whether every value is usable.
    ///   - one: One argument's value (the same operations as a lane of `quads`; ignored when not `usable`).
    ///   - usable: Whether an argument's value from `quads` or `one` is usable (the same test).
    ///   - finish: A step applied to a block's values before the unusable ones are redone.
    ///   - exact: The final value of an argument whose fast value is not usable.
    @inline(__always)
    static func apply(
        _ column: UnsafeMutablePointer<Double>, count: Int, quads: (UnsafeMutablePointer<Double>, Int) -> Bool,
        one: (Double) -> Double, usable: (Double) -> Bool, finish: (UnsafeMutablePointer<Double>, Int) -> Void,
        exact: (Double) -> Double
    ) {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 64) { saved in
            let saved = saved.baseAddress!
            var start = 0
            while start < count {
                let block = min(64, count - start)
                let v = column + start
                saved.update(from: v, count: block)
                var fine = quads(v, block / 4)
                for i in (block & ~3)..<block {
                    let x = v[i]
                    fine = fine && usable(x)
                    v[i] = one(x)
                }
                finish(v, block)
                if _slowPath(!fine) {
                    for i in 0..<block where !usable(saved[i]) { v[i] = exact(saved[i]) }
                }
                start += block
            }
        }
    }
}
