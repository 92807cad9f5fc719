import Foundation

/// Quantile tables by family and shapes, so that each is built once per process, not once per run,
/// batch or chunk group.
///
/// A table depends only on its key, so whichever thread builds it, and whether it came from the cache,
/// the samples are the same. Holds at most ``capacity`` tables (first in, first out), so sweeps over many
/// shapes do not grow memory without bound. Thread-safe.
final class QuantileTableCache: @unchecked Sendable {
    /// A family and its shapes (scale and location are applied after the table).
    enum Key: Hashable, Sendable {
        case beta(Double, Double)
        case gamma(Double)
        /// The lognormal's log-scale σ (median 1).
        case lognormal(Double)
        /// The Weibull's shape (scale 1).
        case weibull(Double)
    }

    /// The process-wide cache.
    static let shared = QuantileTableCache()
    /// The most tables kept.
    static let capacity = 64

    private let lock = NSLock()
    private var tables: [Key: QuantileTable] = [:]
    private var order: [Key] = []

    /// The table for `key`, built by `build` if not cached (outside the lock; a concurrent duplicate
    /// build yields the same table).
    func table(_ key: Key, build: () -> QuantileTable) -> QuantileTable {
        lock.lock()
        let cached = tables[key]
        lock.unlock()
        if let cached { return cached }
        let table = build()
        lock.lock()
        defer { lock.unlock() }
        if tables[key] == nil {
            if order.count >= Self.capacity { tables[order.removeFirst()] = nil }
            tables[key] = table
            order.append(key)
        }
        return table
    }
}
