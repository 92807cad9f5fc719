/// Exact order statistics of a large sample without sorting it: a most-significant-digit radix
/// selection on the IEEE-754 bit patterns (16 bits per pass), O(n) per pass, exact for any set of ranks.
///
/// Each pass counts the keys per 16-bit digit, places every wanted rank in its digit's bucket, and then,
/// in one more pass, gathers only the keys of the buckets that hold a wanted rank; each of those is
/// resolved on the next digit. When all keys share a digit nothing is gathered (narrow samples, such as
/// a footprint between 1e5 and 5e5 kg, share their sign, exponent and leading mantissa bits).
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
    /// - Complexity: two passes over the keys still in play per 16-bit digit (at most 4 digits), plus
    ///   O(65,536) per pass.
    static func select(_ values: UnsafeBufferPointer<Double>, ranks: Set<Int>) -> [Int: Double] {
        var result: [Int: Double] = [:]
        let wanted = ranks.filter { values.indices.contains($0) }.sorted()
        guard let base = values.baseAddress, !wanted.isEmpty else { return result }
        resolve(DoubleKeys(base: base, count: values.count), ranks: wanted, offset: 0, shift: 48, into: &result)
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

    /// Resolves `ranks` (sorted, 0-based within `keys`; reported as `offset + rank`) on the digit at `shift`.
    private static func resolve<Keys: KeySource>(
        _ keys: Keys, ranks: [Int], offset: Int, shift: UInt64, into result: inout [Int: Double]
    ) {
        let n = keys.count
        if n <= 4_096 {
            // Small sets: sort.
            let sorted = (0..<n).map { keys[$0] }.sorted()
            for r in ranks { result[offset + r] = value(sorted[r]) }
            return
        }
        let counts = UnsafeMutablePointer<Int>.allocate(capacity: 65_536)
        counts.initialize(repeating: 0, count: 65_536)
        defer { counts.deallocate() }
        for i in 0..<n { counts[digit(keys[i], shift)] &+= 1 }
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
        if groups.count == 1, counts[groups[0].bucket] == n {
            // Every key shares this digit: go on to the next one without gathering.
            if shift == 0 {
                for r in ranks { result[offset + r] = value(keys[0]) }
            } else {
                resolve(keys, ranks: ranks, offset: offset, shift: shift - 16, into: &result)
            }
            return
        }
        // Gather the keys of the wanted buckets in one pass.
        let slot = UnsafeMutablePointer<Int32>.allocate(capacity: 65_536)
        slot.initialize(repeating: -1, count: 65_536)
        defer { slot.deallocate() }
        let buffers = groups.map { UnsafeMutablePointer<UInt64>.allocate(capacity: counts[$0.bucket]) }
        defer { buffers.forEach { $0.deallocate() } }
        let filled = UnsafeMutablePointer<Int>.allocate(capacity: groups.count)
        filled.initialize(repeating: 0, count: groups.count)
        defer { filled.deallocate() }
        for (g, group) in groups.enumerated() { slot[group.bucket] = Int32(g) }
        buffers.withUnsafeBufferPointer { targets in
            for i in 0..<n {
                let k = keys[i]
                let s = Int(slot[digit(k, shift)])
                if s >= 0 {
                    targets[s][filled[s]] = k
                    filled[s] &+= 1
                }
            }
        }
        for (g, group) in groups.enumerated() {
            if shift == 0 {
                // The bucket fixes all 64 bits: every key in it is the value.
                for r in group.ranks { result[offset + group.start + r] = value(buffers[g][0]) }
            } else {
                resolve(GatheredKeys(base: buffers[g], count: filled[g]), ranks: group.ranks, offset: offset + group.start,
                        shift: shift - 16, into: &result)
            }
        }
    }

    @inline(__always)
    private static func digit(_ key: UInt64, _ shift: UInt64) -> Int { Int(truncatingIfNeeded: (key >> shift) & 0xFFFF) }

    private static func value(_ key: UInt64) -> Double {
        Double(bitPattern: key & (1 << 63) != 0 ? key & ~(1 << 63) : ~key)
    }
}

/// Keys of a radix selection pass, by index.
private protocol KeySource {
    var count: Int { get }
    subscript(i: Int) -> UInt64 { get }
}
