/// Exact order statistics of a large sample without sorting it: a most-significant-digit radix
/// selection on the IEEE-754 bit patterns, O(n) per pass, exact for any set of ranks.
///
/// The keys are first measured (smallest and largest), so that the first digit spans just the sample's
/// own range: for a footprint between 1e5 and 5e5 kg the buckets fall across that range instead of across
/// every possible double. Each pass counts the keys per digit, places every wanted rank in its digit's
/// bucket, then in one more pass gathers only the keys of the buckets that hold a wanted rank; each of
/// those is resolved on the next digit (or sorted, when small). Digits are 16 bits (65,536 buckets) for
/// samples above 2¹⁷ keys and 11 bits (2,048) for smaller ones, whose buckets then fit in the first-level
/// cache instead of costing a fresh 768 KiB of counts and slots a call (the selected values are the same).
enum OrderStatistics {
    /// Maps a double to an unsigned key with the same order (negative values flipped, positive
    /// values with the sign bit set).
    @inline(__always)
    static func key(_ x: Double) -> UInt64 {
        let bits = x.bitPattern
        return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }

    /// The values at the given 0-based ranks of `values` in ascending order.
    /// - Parameters:
    ///   - values: The sample (not modified).
    ///   - ranks: Ranks in 0..<values.count (others are ignored).
    /// - Returns: A dictionary from rank to value.
    /// - Complexity: one pass to measure, then two passes over the keys still in play per digit of the
    ///   sample's key range, plus O(buckets) per pass.
    static func select(_ values: UnsafeBufferPointer<Double>, ranks: Set<Int>) -> [Int: Double] {
        var result: [Int: Double] = [:]
        let wanted = ranks.filter { values.indices.contains($0) }.sorted()
        guard let base = values.baseAddress, !wanted.isEmpty else { return result }
        let keys = DoubleKeys(base: base, count: values.count)
        var lowest = UInt64.max, highest = UInt64.min
        for i in 0..<keys.count {
            let k = keys[i]
            lowest = Swift.min(lowest, k)
            highest = Swift.max(highest, k)
        }
        let digit = keys.count > 1 << 17 ? 16 : 11, buckets = 1 << digit
        // The first digit: the top bits of those the range needs.
        let shift = UInt64(Swift.max(0, UInt64.bitWidth - (highest - lowest).leadingZeroBitCount - digit))
        // One set of per-digit counts and bucket slots serves every pass (a pass is done with them
        // before the next begins).
        let counts = UnsafeMutablePointer<Int>.allocate(capacity: buckets)
        let slot = UnsafeMutablePointer<Int32>.allocate(capacity: buckets)
        slot.initialize(repeating: -1, count: buckets)
        defer { counts.deallocate(); slot.deallocate() }
        resolve(keys, ranks: wanted, offset: 0, base: lowest, shift: shift, digit: UInt64(digit), scratch: (counts, slot), into: &result)
        return result
    }

    /// Keys read from doubles in place (the first pass, without a copy).
    private struct DoubleKeys: KeySource {
        let base: UnsafePointer<Double>
        let count: Int
        subscript(i: Int) -> UInt64 { key(base[i]) }
    }

    /// Keys gathered into a buffer (later passes).
    private struct GatheredKeys: KeySource {
        let base: UnsafePointer<UInt64>
        let count: Int
        subscript(i: Int) -> UInt64 { base[i] }
    }

    /// Resolves `ranks` (sorted, 0-based within `keys`; reported as `offset + rank`) on the digit
    /// `(key − base) >> shift`, which is below `2^digit` for every key.
    /// `scratch`: `2^digit` counts (any contents) and `2^digit` slots (all -1 on entry and on return).
    private static func resolve<Keys: KeySource>(
        _ keys: Keys, ranks: [Int], offset: Int, base: UInt64, shift: UInt64, digit bits: UInt64,
        scratch: (counts: UnsafeMutablePointer<Int>, slot: UnsafeMutablePointer<Int32>), into result: inout [Int: Double]
    ) {
        let n = keys.count
        if n <= 4_096 {
            // Small sets: sort.
            let sorted = (0..<n).map { keys[$0] }.sorted()
            for r in ranks { result[offset + r] = value(sorted[r]) }
            return
        }
        @inline(__always) func digit(_ k: UInt64) -> Int { Int(truncatingIfNeeded: (k &- base) >> shift) }
        let (counts, slot) = scratch
        counts.update(repeating: 0, count: 1 << bits)
        for i in 0..<n { counts[digit(keys[i])] &+= 1 }
        // The wanted ranks by bucket, with each bucket's first rank.
        var groups: [(bucket: Int, start: Int, ranks: [Int])] = []
        var bucket = 0, start = 0
        for r in ranks {
            while start + counts[bucket] <= r {
                start += counts[bucket]
                bucket += 1
            }
            if groups.last?.bucket == bucket { groups[groups.count - 1].ranks.append(r - start) } else {
                groups.append((bucket, start, [r - start]))
            }
        }
        // A bucket's keys: base + bucket << shift onwards, less than 1 << shift apart.
        let next = (shift: shift >= bits ? shift - bits : 0, base: { (bucket: Int) in base &+ UInt64(bucket) << shift })
        if groups.count == 1, counts[groups[0].bucket] == n {
            // Every key shares this digit: go on to the next one without gathering.
            if shift == 0 {
                for r in ranks { result[offset + r] = value(keys[0]) }
            } else {
                resolve(keys, ranks: ranks, offset: offset, base: next.base(groups[0].bucket), shift: next.shift, digit: bits,
                        scratch: scratch, into: &result)
            }
            return
        }
        // Gather the keys of the wanted buckets in one pass.
        let buffers = groups.map { UnsafeMutablePointer<UInt64>.allocate(capacity: counts[$0.bucket]) }
        defer { buffers.forEach { $0.deallocate() } }
        let filled = UnsafeMutablePointer<Int>.allocate(capacity: groups.count)
        filled.initialize(repeating: 0, count: groups.count)
        defer { filled.deallocate() }
        for (g, group) in groups.enumerated() { slot[group.bucket] = Int32(g) }
        buffers.withUnsafeBufferPointer { targets in
            for i in 0..<n {
                let k = keys[i]
                let s = Int(slot[digit(k)])
                if s >= 0 {
                    targets[s][filled[s]] = k
                    filled[s] &+= 1
                }
            }
        }
        for group in groups { slot[group.bucket] = -1 }
        for (g, group) in groups.enumerated() {
            if shift == 0 {
                // The bucket fixes every bit: every key in it is the value.
                for r in group.ranks { result[offset + group.start + r] = value(buffers[g][0]) }
            } else {
                resolve(GatheredKeys(base: buffers[g], count: filled[g]), ranks: group.ranks, offset: offset + group.start,
                        base: next.base(group.bucket), shift: next.shift, digit: bits, scratch: scratch, into: &result)
            }
        }
    }

    private static func value(_ key: UInt64) -> Double {
        Double(bitPattern: key & (1 << 63) != 0 ? key & ~(1 << 63) : ~key)
    }
}

/// Keys of a radix selection pass, by index.
private protocol KeySource {
    var count: Int { get }
    subscript(i: Int) -> UInt64 { get }
}
