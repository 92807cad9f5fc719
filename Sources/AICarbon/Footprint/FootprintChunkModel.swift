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

    /// Evaluates `count` samples, a slice of ``sliceRows`` at a time. After the first slice, an output whose
    /// value the equations compute in a column of their own gets that column in its destination
    /// (``TileArena/redirect(_:to:)``), so that it is not copied; the output columns must then not overlap
    /// the inputs (nor each other, or none is placed so).
    public func evaluate(inputs: UnsafePointer<Double>, count: Int,
                         outputs columns: UnsafeMutableBufferPointer<UnsafeMutablePointer<Double>>) {
        // The model runs once per slice of up to 128 samples on ``TileValue``s: fixed inputs (and what
        // follows from them alone) computed once, sampled inputs and everything they reach a column at a
        // time in the arena's scratch (64 KB or so, in the core's fastest cache).
        let arena = TileArena(capacity: min(count, Self.sliceRows))
        let inputOffsets = inputOffsets, outputOffsets = outputOffsets, m = outputOffsets.count
        let distinct = (0..<m).allSatisfy { o in (0..<o).allSatisfy { columns[$0] != columns[o] } }
        // Per output written in place: the output and the arena column its value was computed in.
        var placed: [(output: Int, index: Int)] = []
        withUnsafeTemporaryAllocation(of: TileValue.self, capacity: Swift.max(m, 1)) { values in
            var start = 0
            while start < count {
                let rows = min(Self.sliceRows, count - start)
                for (o, index) in placed { arena.redirect(index, to: columns[o] + start) }
                arena.reset(count: rows)
                var x = tileTemplate
                withUnsafeMutableBytes(of: &x) { raw in
                    for (j, offset) in inputOffsets.enumerated() {
                        let value = TileValue(column: UnsafeMutablePointer(mutating: inputs + j * count + start), arena: arena)
                        raw.storeBytes(of: value, toByteOffset: offset, as: TileValue.self)
                    }
                }
                let y = FootprintModel.evaluate(x)
                arena.finish()
                withUnsafeBytes(of: y) { result in
                    for (o, offset) in outputOffsets.enumerated() {
                        values[o] = offset >= 0 ? result.load(fromByteOffset: offset, as: TileValue.self) : Self.optional(outputs[o], of: y)
                    }
                }
                if start == 0 && distinct {
                    for o in 0..<m {
                        if let column = values[o].column, let index = arena.index(of: column), !placed.contains(where: { $0.index == index }) {
                            placed.append((o, index))
                        }
                    }
                }
                Self.write(values, to: columns, at: start, rows: rows, arena: arena)
                start += rows
            }
        }
        withExtendedLifetime(arena) {}
    }

    /// Writes one slice's output values (`rows` of them from row `start`) to their columns, except those
    /// already there. A value found in another output's column that is itself still to be written (the
    /// equations took a different path on this slice's data) is first moved to a column of `arena`.
    static func write(_ values: UnsafeMutableBufferPointer<TileValue>, to columns: UnsafeMutableBufferPointer<UnsafeMutablePointer<Double>>,
                              at start: Int, rows: Int, arena: TileArena) {
        let m = values.count
        for o in 0..<m {
            guard let column = values[o].column else { continue }
            for p in 0..<m where p != o && column == columns[p] + start && values[p].column != columns[p] + start {
                let moved = arena.column()
                moved.update(from: column, count: rows)
                values[o] = TileValue(column: moved, arena: arena)
                break
            }
        }
        for o in 0..<m {
            let out = columns[o] + start
            if let column = values[o].column {
                if column != out { out.update(from: column, count: rows) }
            } else {
                out.update(repeating: values[o].scalar, count: rows)
            }
        }
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
