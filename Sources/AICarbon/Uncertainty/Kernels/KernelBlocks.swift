/// The block driver of the four-lane column maps (``ExpKernel``, and the quantile tables of
/// `PreparedDistribution`): a column is mapped in blocks of 64, four lanes at a time without branches,
/// each lane telling whether its value is usable; the block is then finished (a step applied to every
/// value, such as scaling), and the values that were not usable are redone, one at a time, exactly. Each
/// lane is the one-value operation operation for operation, so a value is the same bits in a column as
/// alone.
enum KernelBlocks {
    /// Maps `column` in place.
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
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 64) { saved in
            let saved = saved.baseAddress!
            var start = 0
            while start < count {
                let block = min(64, count - start)
                let v = column + start
                saved.update(from: v, count: block)
                var unusable = SIMDMask<SIMD4<Int64>>(repeating: false)
                var i = 0
                while i + 4 <= block {
                    let (y, fine) = lanes(UnsafeRawPointer(v + i).loadUnaligned(as: SIMD4<Double>.self))
                    unusable = unusable .| .!fine
                    UnsafeMutableRawPointer(v + i).storeBytes(of: y, as: SIMD4<Double>.self)
                    i += 4
                }
                var rest = false
                while i < block {
                    let x = v[i]
                    rest = rest || !usable(x)
                    v[i] = one(x)
                    i += 1
                }
                finish(v, block)
                if _slowPath(any(unusable) || rest) {
                    for i in 0..<block where !usable(saved[i]) { v[i] = exact(saved[i]) }
                }
                start += block
            }
        }
    }
}
