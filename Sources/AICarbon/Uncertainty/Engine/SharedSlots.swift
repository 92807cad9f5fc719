import Dispatch

/// Slots that parallel workers write, each slot by exactly one worker, read after they all finish.
struct SharedSlots<Element>: @unchecked Sendable {
    /// The first slot.
    let base: UnsafeMutablePointer<Element>
}

/// The items of `items` that worker `worker` of `workers` takes: the worker's own first item, then every
/// `workers`-th after it. Every parallel loop of the engine shares out its work this way.
func roundRobin(_ items: Range<Int>, worker: Int, workers: Int) -> StrideTo<Int> {
    stride(from: items.lowerBound + worker, to: items.upperBound, by: workers)
}

/// `body(i)` for every `i` in `0..<count`, on up to `threads` workers (``roundRobin(_:worker:workers:)``),
/// returned in index order. Each result depends only on its index, so the array does not depend on
/// `threads`.
func parallelMap<T>(_ count: Int, threads: Int, _ body: @Sendable (Int) -> T) -> [T] {
    let results = UnsafeMutablePointer<T?>.allocate(capacity: max(count, 1))
    results.initialize(repeating: nil, count: count)
    defer { results.deinitialize(count: count); results.deallocate() }
    let slots = SharedSlots(base: results)
    let workers = max(1, min(threads, count))
    DispatchQueue.concurrentPerform(iterations: workers) { w in
        for i in roundRobin(0..<count, worker: w, workers: workers) { slots.base[i] = body(i) }
    }
    return (0..<count).map { results[$0]! }
}
