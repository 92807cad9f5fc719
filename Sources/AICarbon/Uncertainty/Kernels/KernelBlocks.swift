/// The block driver of a four-lane column kernel (``ExpKernel``): a column is mapped in blocks
/// of 64, four lanes at a time without branches, the lanes whose argument is outside the kernel's fast
/// range computed on a `neutral` argument and then redone, with the rest of the block's stragglers, on
/// the kernel's exact slow path. Each lane is the one-value fast path operation for operation, so a value
/// is the same bits in a column as alone.
enum KernelBlocks {
    /// Maps `column` in place.
    /// - Parameters:
    ///   - column: Arguments on entry, results on return.
    ///   - count: Number of values.
    ///   - neutral: An argument inside the fast range, used in place of lanes outside it.
    ///   - inside4: Which of four arguments are in the fast range.
    ///   - isFast: Whether one argument is in the fast range (the same test as `inside4`).
    ///   - fast4: The fast path on four lanes.
    ///   - fast: The fast path on one value.
    ///   - slow: The exact path for arguments outside the fast range.
    @inline(__always)
    static func apply(
        _ column: UnsafeMutablePointer<Double>, count: Int, neutral: Double,
        inside4: (SIMD4<Double>) -> SIMDMask<SIMD4<Int64>>, isFast: (Double) -> Bool,
        fast4: (SIMD4<Double>) -> SIMD4<Double>, fast: (Double) -> Double, slow: (Double) -> Double
    ) {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 64) { saved in
            let saved = saved.baseAddress!
            var start = 0
            while start < count {
                let block = min(64, count - start)
                let v = column + start
                saved.update(from: v, count: block)
                var outside = SIMDMask<SIMD4<Int64>>(repeating: false)
                var i = 0
                while i + 4 <= block {
                    let x = UnsafeRawPointer(v + i).loadUnaligned(as: SIMD4<Double>.self)
                    let inside = inside4(x)
                    outside = outside .| .!inside
                    let y = fast4(SIMD4(repeating: neutral).replacing(with: x, where: inside))
                    UnsafeMutableRawPointer(v + i).storeBytes(of: y, as: SIMD4<Double>.self)
                    i += 4
                }
                var rest = false
                while i < block {
                    let x = v[i]
                    rest = rest || !isFast(x)
                    v[i] = fast(isFast(x) ? x : neutral)
                    i += 1
                }
                if _slowPath(any(outside) || rest) {
                    for i in 0..<block where !isFast(saved[i]) { v[i] = slow(saved[i]) }
                }
                start += block
            }
        }
    }
}
