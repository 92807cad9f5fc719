/// Binds ``FootprintModel`` to the simulation engine: each sampled column sets one ``InputSlot`` of a
/// template, and each requested ``OutputName`` is written to its own column.
public struct FootprintChunkModel: ChunkModel {
    /// Fixed inputs and modes.
    public var template: FootprintInputs
    /// The slot each input column sets, in column order.
    public var slots: [InputSlot]
    /// The outputs written, in order.
    public var outputs: [OutputName]

    /// Creates the adapter.
    public init(template: FootprintInputs, slots: [InputSlot], outputs: [OutputName]) {
        self.template = template
        self.slots = slots
        self.outputs = outputs
    }

    public var outputCount: Int { outputs.count }

    public func outputName(_ index: Int) -> String { outputs[index].rawValue }

    public func evaluate(inputs: UnsafePointer<Double>, count: Int,
                         outputs columns: UnsafeMutableBufferPointer<UnsafeMutablePointer<Double>>) {
        var x = template
        for i in 0..<count {
            for (j, slot) in slots.enumerated() { x[slot] = inputs[j * count + i] }
            let y = FootprintModel.evaluate(x)
            for (o, name) in outputs.enumerated() { columns[o][i] = y[name] }
        }
    }
}
