import Dispatch

/// Slots that parallel workers write, each slot by exactly one worker, read after they all finish.
struct SharedSlots<Element>: @unchecked Sendable {
    /// The first slot.
    let base: UnsafeMutablePointer<Element>
}

/// `body(i)` for every `i` in `0..<count`, on up to `threads` workers (worker `w` takes `w`, `w + workers`,
/// …), returned in index order. Each result depends only on its index, so the array does not depend on
/// `threads`.
func parallelMap<T>(_ count: Int, threads: Int, _ body: @Sendable (Int) -> T) -> [T] {
    let results = UnsafeMutablePointer<T?>.allocate(capacity: max(count, 1))
    results.initialize(repeating: nil, count: count)
    defer { results.deinitialize(count: count); results.deallocate() }
    let slots = SharedSlots(base: results)
    let workers = max(1, min(threads, count))
    DispatchQueue.concurrentPerform(iterations: workers) { w in
        var i = w
        while i < count {
            slots.base[i] = body(i)
            i += workers
        }
    }
    return (0..<count).map { results[$0]! }
}
