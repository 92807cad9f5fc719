#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The samples of one output: contiguous `Double` storage written in place by the simulation's
/// workers (no copy between the engine and the summaries). Large columns are 2 MiB-aligned and, on
/// Linux, marked for transparent huge pages, which cuts page faults when they are first written.
public final class SampleColumn: @unchecked Sendable, RandomAccessCollection {
    private(set) var base: UnsafeMutablePointer<Double>
    private var capacity: Int
    /// Samples stored.
    public private(set) var count: Int

    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 1)
        base = Self.allocateStorage(self.capacity)
        count = 0
    }

    deinit { free(base) }

    private static let hugePage = 2 << 20

    /// 2 MiB-aligned storage for `capacity` doubles (huge pages where the kernel offers them).
    private static func allocateStorage(_ capacity: Int) -> UnsafeMutablePointer<Double> {
        let bytes = capacity * MemoryLayout<Double>.stride
        var raw: UnsafeMutableRawPointer?
        let alignment = bytes >= hugePage ? hugePage : 64
        guard posix_memalign(&raw, alignment, bytes) == 0, let raw else {
            fatalError("out of memory allocating \(bytes) bytes for samples")
        }
        #if os(Linux)
        if bytes >= hugePage { _ = madvise(raw, bytes, MADV_HUGEPAGE) }
        #endif
        return raw.bindMemory(to: Double.self, capacity: capacity)
    }

    /// Makes room for `extra` more samples and returns where they go; `commit` makes them visible.
    func reserve(_ extra: Int) -> UnsafeMutablePointer<Double> {
        if count + extra > capacity {
            let newCapacity = Swift.max(count + extra, capacity * 2)
            let newBase = Self.allocateStorage(newCapacity)
            newBase.moveInitialize(from: base, count: count)
            free(base)
            base = newBase
            capacity = newCapacity
        }
        return base + count
    }

    func commit(_ extra: Int) { count += extra }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }
    public subscript(position: Int) -> Double { base[position] }

    /// Calls `body` with the samples as a buffer.
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: base, count: count))
    }
}
