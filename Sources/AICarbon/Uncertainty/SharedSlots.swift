/// Slots that parallel workers write, each slot by exactly one worker, read after they all finish.
struct SharedSlots<Element>: @unchecked Sendable {
    /// The first slot.
    let base: UnsafeMutablePointer<Element>
}
