/// Exact order statistics of a large sample without sorting it: a most-significant-digit radix
/// selection on the IEEE-754 bit patterns (16 bits per pass), O(n) per pass, exact for any set of ranks.
enum OrderStatistics {
    /// Maps a double to an unsigned key with the same order (negative values flipped, positive
    /// values with the sign bit set).
    static func key(_ x: Double) -> UInt64 {
        let bits = x.bitPattern
        return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }

    /// The values at the given 0-based ranks of `values` in ascending order.
    /// - Parameters:
    ///   - values: The sample (not modified).
    ///   - ranks: Ranks in 0..<values.count.
    /// - Returns: A dictionary from rank to value.
    /// - Complexity: O(n) per 16-bit digit actually needed (at most 4), plus O(65,536) per pass.
    static func select(_ values: UnsafeBufferPointer<Double>, ranks: Set<Int>) -> [Int: Double] {
        var result: [Int: Double] = [:]
        guard !values.isEmpty, !ranks.isEmpty else { return result }
        // First pass over the doubles themselves (no copy): top-16-bit histogram, smallest and largest key.
        let counts = UnsafeMutablePointer<Int>.allocate(capacity: 65_536)
        counts.initialize(repeating: 0, count: 65_536)
        defer { counts.deallocate() }
        var lowest = UInt64.max, highest = UInt64.min
        let data = values.baseAddress!
        for i in 0..<values.count {
            let k = key(data[i])
            counts[Int(truncatingIfNeeded: k >> 48)] &+= 1
            lowest = Swift.min(lowest, k)
            highest = Swift.max(highest, k)
        }
        if lowest == highest {
            for r in ranks { result[r] = value(lowest) }
            return result
        }
        var starts = [Int](repeating: 0, count: 65_537)
        for b in 0..<65_536 { starts[b + 1] = starts[b] + counts[b] }
        var byBucket: [Int: [Int]] = [:]
        var b = 0
        for r in ranks.sorted() {
            while starts[b + 1] <= r { b += 1 }
            byBucket[b, default: []].append(r)
        }
        // Gather, in one pass, only the buckets that hold a wanted rank; then resolve each on the next digits.
        let wantedBuckets = byBucket.keys.sorted()
        let slot = UnsafeMutablePointer<Int>.allocate(capacity: 65_536)
        slot.initialize(repeating: -1, count: 65_536)
        defer { slot.deallocate() }
        var buffers: [UnsafeMutablePointer<UInt64>] = []
        var filled = [Int](repeating: 0, count: wantedBuckets.count)
        for (i, bucket) in wantedBuckets.enumerated() {
            slot[bucket] = i
            buffers.append(.allocate(capacity: Swift.max(counts[bucket], 1)))
        }
        defer { buffers.forEach { $0.deallocate() } }
        buffers.withUnsafeBufferPointer { targets in
            filled.withUnsafeMutableBufferPointer { fill in
                for i in 0..<values.count {
                    let k = key(data[i])
                    let s = slot[Int(truncatingIfNeeded: k >> 48)]
                    if s >= 0 {
                        targets[s][fill[s]] = k
                        fill[s] &+= 1
                    }
                }
            }
        }
        for (i, bucket) in wantedBuckets.enumerated() {
            var subset = Array(UnsafeBufferPointer(start: buffers[i], count: filled[i]))
            selectKeys(&subset, ranks: byBucket[bucket]!, rankOffset: starts[bucket], shift: 32, into: &result)
        }
        return result
    }

    private static func selectKeys(_ keys: inout [UInt64], ranks: [Int], rankOffset: Int, shift: UInt64,
                                   into result: inout [Int: Double]) {
        if let first = keys.first, keys.allSatisfy({ $0 == first }) {
            for r in ranks { result[r] = value(first) }
            return
        }
        // Small sets: sort.
        if keys.count <= 4_096 {
            keys.sort()
            for r in ranks { result[r] = value(keys[r - rankOffset]) }
            return
        }
        var counts = [Int](repeating: 0, count: 65_536)
        for k in keys { counts[Int((k >> shift) & 0xFFFF)] += 1 }
        // Cumulative start of each bucket.
        var starts = [Int](repeating: 0, count: 65_537)
        for b in 0..<65_536 { starts[b + 1] = starts[b] + counts[b] }
        // Group the wanted ranks by bucket.
        var byBucket: [Int: [Int]] = [:]
        var b = 0
        for r in ranks {
            let local = r - rankOffset
            while starts[b + 1] <= local { b += 1 }
            byBucket[b, default: []].append(r)
        }
        for (bucket, wanted) in byBucket.sorted(by: { $0.key < $1.key }) {
            var subset: [UInt64] = []
            subset.reserveCapacity(counts[bucket])
            for k in keys where Int((k >> shift) & 0xFFFF) == bucket { subset.append(k) }
            if subset.allSatisfy({ $0 == subset[0] }) {
                for r in wanted { result[r] = value(subset[0]) }
                continue
            }
            if shift == 0 {
                subset.sort()
                for r in wanted { result[r] = value(subset[r - rankOffset - starts[bucket]]) }
            } else {
                selectKeys(&subset, ranks: wanted, rankOffset: rankOffset + starts[bucket], shift: shift - 16, into: &result)
            }
        }
    }

    private static func value(_ key: UInt64) -> Double {
        Double(bitPattern: key & (1 << 63) != 0 ? key & ~(1 << 63) : ~key)
    }
}
