/// Binds ``FootprintModel`` to the simulation engine: each sampled column sets one ``InputSlot`` of a
/// template, and each requested ``OutputName`` is written to its own column.
struct FootprintChunkModel: ChunkModel {
    /// Fixed inputs and modes.
    public let template: FootprintVariables<Double>
    /// The slot each input column sets, in column order.
    public let slots: [InputSlot]
    /// The outputs written, in order.
    public let outputs: [OutputName]
    /// The template on tiles: every fixed input shared by all samples.
    private let tileTemplate: FootprintVariables<TileValue>
    /// Per input column, the byte offset of its slot in ``tileTemplate``.
    private let inputOffsets: [Int]
    /// Per output, the byte offset of its value in the tile's results, or -1 for an optional output.
    private let outputOffsets: [Int]

    /// Creates the adapter.
    /// - Parameters:
    ///   - template: Fixed inputs and modes.
    ///   - slots: The slot each input column sets, in column order.
    ///   - outputs: The outputs written, in order.
    public init(template: FootprintVariables<Double>, slots: [InputSlot], outputs: [OutputName]) {
        self.template = template
        self.slots = slots
        self.outputs = outputs
        // Worked out once: key paths into the generic types are instantiated at run time, byte offsets not.
        typealias Results = FootprintResults<TileValue>
        tileTemplate = template.map(TileValue.init)
        inputOffsets = slots.map(FootprintVariables<TileValue>.byteOffset)
        outputOffsets = outputs.map { name in Results.keyPath(name).flatMap { MemoryLayout<Results>.offset(of: $0) } ?? -1 }
    }

    public var outputCount: Int { outputs.count }

    public func outputName(_ index: Int) -> String { outputs[index].rawValue }

    public func evaluate(inputs: UnsafePointer<Double>, count: Int,
                         outputs columns: UnsafeMutableBufferPointer<UnsafeMutablePointer<Double>>) {
        // The model runs once per slice of up to 128 samples on ``TileValue``s: fixed inputs (and what
        // follows from them alone) computed once, sampled inputs and everything they reach a column at a
        // time in the arena's scratch (64 KB or so, in the core's fastest cache).
        let arena = TileArena(capacity: min(count, Self.sliceRows))
        let inputOffsets = inputOffsets, outputOffsets = outputOffsets
        var start = 0
        while start < count {
            let rows = min(Self.sliceRows, count - start)
            arena.reset(count: rows)
            var x = tileTemplate
            withUnsafeMutableBytes(of: &x) { raw in
                for (j, offset) in inputOffsets.enumerated() {
                    let value = TileValue(column: UnsafeMutablePointer(mutating: inputs + j * count + start), arena: arena)
                    raw.storeBytes(of: value, toByteOffset: offset, as: TileValue.self)
                }
            }
            let y = FootprintModel.evaluate(x)
            withUnsafeBytes(of: y) { result in
                for (o, offset) in outputOffsets.enumerated() {
                    let value = offset >= 0 ? result.load(fromByteOffset: offset, as: TileValue.self) : Self.optional(outputs[o], of: y)
                    let out = columns[o] + start
                    if let column = value.column {
                        out.update(from: column, count: rows)
                    } else {
                        out.update(repeating: value.scalar, count: rows)
                    }
                }
            }
            start += rows
        }
        withExtendedLifetime(arena) {}
    }

    /// An output that is not always present (NaN where absent), read without a key path.
    private static func optional(_ name: OutputName, of y: FootprintResults<TileValue>) -> TileValue {
        switch name {
        case .trainingFLOPs: return y.trainingFLOPs ?? .nan
        case .wallClockHours: return y.wallClockHours ?? .nan
        case .energyPerQueryWh: return y.energyPerQueryWh ?? .nan
        default: return .nan
        }
    }

    /// Samples per evaluation of the equations.
    static let sliceRows = 128
}
