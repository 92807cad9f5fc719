import Foundation
import Testing
@testable import AICarbon

/// A precision target (`--until`) stores only the output it watches past the first batch and counts the
/// others (issue 13, item 3: store compactly where samples are needed, stream where they are not).
@Suite("Precision targets store only the watched output")
struct WatchedSummaryTests {
    /// The planned 70B model of the benchmark (issue 3), resolved, and the column of `total_co2e_kg`.
    private static func planned() throws -> (inputs: [(name: String, distribution: Distribution)], model: FootprintChunkModel, total: Int) {
        var spec = EstimateSpec()
        spec.parameters = .fixed(70e9)
        spec[.tokens] = .fixed(2e12)
        spec.hardware = "H100 SXM"
        spec.grid = .named("USA")
        let resolved = try spec.resolve(catalog: Catalog.bundled())
        let model = resolved.model
        let total = try #require((0..<model.outputCount).first { model.outputName($0) == "total_co2e_kg" })
        return (resolved.uncertain.map { (name: $0.slot.rawValue, distribution: $0.distribution) }, model, total)
    }

    private static func settings(_ target: String, output: Int, threads: Int = 2, method: SamplingMethod = .mc) throws -> SimulationSettings {
        var until = try PrecisionTarget(parsing: target)
        until.outputIndex = output
        return SimulationSettings(samples: 70_000, seed: 5, method: method, threads: threads, until: until, maxSamples: 1_000_000)
    }

    @Test("several batches: streamed, and every output's summary identical to storing every sample", arguments: [SamplingMethod.mc, .lhs])
    func identicalToStored(method: SamplingMethod) throws {
        let (inputs, model, total) = try Self.planned()
        let settings = try Self.settings("p95:0.4%", output: total, method: method)
        let percentiles = [1.0, 5, 25, 50, 75, 95, 99]
        let watched = try Simulation.summarise(inputs: inputs, model: model, settings: settings, percentiles: percentiles)
        let set = try Simulation.run(inputs: inputs, model: model, settings: settings)
        #expect(watched.streamed)
        #expect(watched.batches > 1 && watched.batches == set.batches, "\(watched.batches) batches, stored \(set.batches)")
        #expect(watched.count == set.count && watched.count == watched.batches * 70_000)
        let stored = OutputSummary.all(set, percentiles: percentiles, bins: 30, threads: 2)
        #expect(watched.outputs.count == stored.count)
        for (o, (a, b)) in zip(watched.outputs, stored).enumerated() {
            #expect(identical(a, b), "output \(model.outputName(o)): \(a) vs \(b)")
        }
    }

    @Test("streamed and stopped by maxSamples before the target: targetMet false, as the stored run")
    func notMet() throws {
        let (inputs, model, total) = try Self.planned()
        var settings = try Self.settings("p95:0.01%", output: total)
        settings.maxSamples = 210_000
        let watched = try Simulation.summarise(inputs: inputs, model: model, settings: settings)
        #expect(watched.streamed && watched.batches == 3 && watched.targetMet == false)
        let set = try Simulation.run(inputs: inputs, model: model, settings: settings)
        #expect(set.batches == 3 && set.targetMet == false)
        let met = try Simulation.summarise(inputs: inputs, model: model, settings: Self.settings("p95:0.4%", output: total))
        #expect(met.streamed && met.targetMet == true)
    }

    @Test("bit-identical with one and two threads")
    func threads() throws {
        let (inputs, model, total) = try Self.planned()
        let one = try Simulation.summarise(inputs: inputs, model: model, settings: Self.settings("p95:0.4%", output: total, threads: 1))
        let two = try Simulation.summarise(inputs: inputs, model: model, settings: Self.settings("p95:0.4%", output: total, threads: 2))
        #expect(one.streamed && two.streamed && one.batches == two.batches)
        for (a, b) in zip(one.outputs, two.outputs) { #expect(identical(a, b)) }
    }

    @Test("a single output is stored, as before (counting it would save nothing)")
    func singleOutput() throws {
        var until = try PrecisionTarget(parsing: "p95:0.5%@x")
        until.outputIndex = 0
        let settings = SimulationSettings(samples: 70_000, seed: 5, threads: 2, until: until, maxSamples: 1_000_000)
        let inputs = [(name: "x", distribution: Distribution.lognormal(p05: 1, p95: 3))]
        let summary = try Simulation.summarise(inputs: inputs, model: IdentityModel(dimension: 1), settings: settings)
        let set = try Simulation.run(inputs: inputs, model: IdentityModel(dimension: 1), settings: settings)
        #expect(!summary.streamed && summary.batches > 1 && summary.batches == set.batches)
        #expect(identical(summary.outputs[0], OutputSummary.all(set, bins: 30, threads: 2)[0]))
    }

    @Test("without a histogram (bins 0) and with extra percentiles, the same summaries as storing")
    func noHistogram() throws {
        let (inputs, model, total) = try Self.planned()
        let settings = try Self.settings("p95:0.4%", output: total)
        let percentiles = [0.1, 5, 25, 50, 75, 95, 99.9]
        let watched = try Simulation.summarise(inputs: inputs, model: model, settings: settings, percentiles: percentiles, bins: 0)
        #expect(watched.streamed && watched.batches > 1)
        let stored = OutputSummary.all(try Simulation.run(inputs: inputs, model: model, settings: settings), percentiles: percentiles,
                                       bins: 0, threads: 2)
        for (a, b) in zip(watched.outputs, stored) { #expect(identical(a, b) && a.histogramCounts.isEmpty) }
    }

    @Test("a target met by the first batch stores that batch, as before")
    func metAtOnce() throws {
        let (inputs, model, total) = try Self.planned()
        let settings = try Self.settings("p95:20%", output: total)
        let watched = try Simulation.summarise(inputs: inputs, model: model, settings: settings)
        #expect(!watched.streamed && watched.batches == 1 && watched.count == 70_000)
        let stored = OutputSummary.all(try Simulation.run(inputs: inputs, model: model, settings: settings), bins: 30, threads: 2)
        for (a, b) in zip(watched.outputs, stored) { #expect(identical(a, b)) }
    }

    @Test("the other outputs' kept cells are judged from the whole first batch: about a fifth of the samples kept, not two thirds")
    func compact() throws {
        let (inputs, model, total) = try Self.planned()
        let set = try Simulation.run(inputs: inputs, model: model, settings: SimulationSettings(samples: 70_000, seed: 5, threads: 2))
        let pilotRows = ChunkMoments.range(chunk: 0, of: 70_000, chunks: SimulationSettings().chunks).count
        let o = total == 0 ? 1 : 0
        let (fromChunk, fromBatch) = set.outputs[o].withUnsafeBufferPointer { values in
            (CountingBins(pilot: UnsafeBufferPointer(rebasing: values[0..<pilotRows]), samples: 70_000,
                          percentiles: OutputSummary.standardPercentiles, bins: 30),
             CountingBins(edges: UnsafeBufferPointer(rebasing: values[0..<pilotRows]), keeping: values, samples: 140_000,
                          percentiles: OutputSummary.standardPercentiles, bins: 30))
        }
        // The same histogram edges (those a stored run reports), fewer kept cells.
        #expect(fromChunk.lower == fromBatch.lower && fromChunk.upper == fromBatch.upper && fromChunk.scale == fromBatch.scale)
        let keptShare = { (binning: CountingBins) in
            set.outputs[o].withUnsafeBufferPointer { values in
                var tally = BinTally(binning: binning)
                tally.add(values, binning: binning)
                return Double(tally.kept.count) / Double(values.count)
            }
        }
        let chunkShare = keptShare(fromChunk), batchShare = keptShare(fromBatch)
        #expect(batchShare < 0.25 && batchShare < chunkShare / 2, "kept \(batchShare) from the batch, \(chunkShare) from the chunk")
    }
}
