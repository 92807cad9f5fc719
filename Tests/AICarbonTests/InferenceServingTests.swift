import Foundation
import Testing
@testable import AICarbon

@Suite("Inference per query: prefill and decode")
struct InferenceServingTests {
    /// Llama 3.1 405B in FP8 on one 8 × H100 node, 717 output tokens (ML.ENERGY v3 chat responses), GPU
    /// boundary (host overhead 1, PUE 1), for the per-token anchors of REFERENCE-FIGURES.md.
    static func llama405B(batch: Double) -> EstimateSpec {
        var spec = EstimateSpec()
        spec.hardware = "H100 SXM"
        spec[.activeParameters] = .fixed(405e9)
        spec[.chipHours] = .fixed(1)
        spec[.powerUtilization] = .fixed(0.8)
        spec[.hostOverhead] = .fixed(1)
        spec[.pue] = .fixed(1)
        spec[.queries] = .fixed(1)
        spec[.tokensPerQuery] = .fixed(717)
        spec[.inputTokensPerQuery] = .lognormal(p05: 100, p95: 2_000)
        spec[.batchSize] = .fixed(batch)
        spec[.bytesPerParameter] = .fixed(1)
        spec[.servingChips] = .fixed(8)
        return spec
    }

    @Test("ML.ENERGY v3, Llama 3.1 405B FP8 on 8 × H100 (GPU energy): 13.98 J per output token at batch 8 and 2.06 at batch 256 sit inside the 90% intervals",
          arguments: [(8.0, 13.98), (256.0, 2.06)])
    func mlEnergyAnchors(batch: Double, joulesPerToken: Double) throws {
        let report = try Estimate.run(Self.llama405B(batch: batch), catalog: Catalog.bundled(),
                                      settings: SimulationSettings(samples: 40_000, seed: 1, threads: 2))
        let perQuery = try #require(report.summary(.energyPerQueryWh))
        let low = perQuery.percentile(5)! * 3600 / 717, high = perQuery.percentile(95)! * 3600 / 717
        #expect(low <= joulesPerToken && joulesPerToken <= high, "\(low) – \(high) J/token")
        // Width p95/p05 about 2.9 at batch 8 (bandwidth-bound) and 5.1 at batch 256, where decode is compute-bound
        // and the decode utilisation prior (0.1 to 0.5) sets it.
        #expect(perQuery.percentile(95)! / perQuery.percentile(5)! < 6)
    }

    @Test("energy per query is the inference energy of one query; the library's equation is the calibration's")
    func consistency() throws {
        var spec = Self.llama405B(batch: 32)
        spec[.queries] = .fixed(1e9)
        let report = try Estimate.run(spec, catalog: Catalog.bundled(), settings: SimulationSettings(samples: 4_000, seed: 2, threads: 2))
        let perQuery = try #require(report.summary(.energyPerQueryWh)), inference = try #require(report.summary(.inferenceEnergyKWh))
        #expect(abs(inference.mean - 1e9 * perQuery.mean / 1000) <= 1e-9 * inference.mean)
        let a = InferencePrior.chipSeconds(activeParameters: 70e9, totalParameters: 70e9, bytesPerParameter: 2, inputTokens: 500, outputTokens: 300,
                                           batch: 16, chips: 2, peakFlopsPerS: 989e12, bandwidthBytesPerS: 3.35e12, kvBytesPerToken: 3e5,
                                           prefillUtilization: 0.4, bandwidthUtilization: 0.5, decodeUtilization: 0.2)
        let b = InferenceEnergy.prefillDecodeChipSeconds(activeParameters: 70e9, totalParameters: 70e9, bytesPerParameter: 2.0, inputTokens: 500,
                                                         outputTokens: 300, batch: 16, chips: 2, peakFlopsPerS: 989e12, bandwidthBytesPerS: 3.35e12,
                                                         kvBytesPerToken: 3e5, prefillUtilization: 0.4, bandwidthUtilization: 0.5,
                                                         decodeUtilization: 0.2)
        #expect(a.prefill == b.prefill && a.decode == b.decode)
    }

    @Test("the single-utilisation model stays when --inference-utilization is given; per-query energy given is reported as it is")
    func otherModes() throws {
        var spec = EstimateSpec()
        spec.hardware = "H100 SXM"
        spec[.activeParameters] = .fixed(70e9)
        spec[.chipHours] = .fixed(1000)
        spec[.queries] = .fixed(1e6)
        spec[.tokensPerQuery] = .fixed(500)
        spec[.inferenceUtilization] = .fixed(0.2)
        let flop = try spec.resolve(catalog: Catalog.bundled())
        #expect(flop.template.inferenceMode == .flopBased && flop.outputs.contains(.energyPerQueryWh))
        var given = EstimateSpec()
        given[.chipHours] = .fixed(1000)
        given[.powerW] = .fixed(400)
        given[.queries] = .fixed(1e6)
        given[.energyPerQuery] = .fixed(0.24e-3)
        let report = try Estimate.run(given, catalog: Catalog.bundled(), settings: SimulationSettings(samples: 1_000, seed: 1, threads: 1))
        #expect(abs(try #require(report.summary(.energyPerQueryWh)).mean - 0.24) < 1e-12)
    }

    @Test("serving inputs without output tokens, with a per-query energy, or with --inference-utilization are errors naming the input",
          arguments: [("input", InputSlot.inputTokensPerQuery, false, false), ("utilization", .batchSize, true, true),
                      ("energy", .servingChips, false, true)])
    func badServing(_ label: String, _ slot: InputSlot, _ utilization: Bool, _ tokens: Bool) {
        var spec = Self.llama405B(batch: 8)
        spec[.tokensPerQuery] = tokens ? .fixed(500) : nil
        spec[slot] = .fixed(100)
        if utilization { spec[.inferenceUtilization] = .fixed(0.2) }
        if label == "energy" { spec[.tokensPerQuery] = nil; spec[.energyPerQuery] = .fixed(0.3e-3) }
        #expect(throws: InputError.self, "\(label)") { _ = try spec.resolve(catalog: Catalog.bundled()) }
    }

    @Test("active parameters above the total are refused")
    func activeAboveTotal() {
        var spec = EstimateSpec()
        spec.hardware = "h100"
        spec.parameters = .fixed(7e9)
        spec[.activeParameters] = .fixed(70e9)
        spec[.tokens] = .fixed(1e12)
        #expect(throws: InputError.self) { _ = try spec.resolve(catalog: Catalog.bundled()) }
    }

    @Test("a projection with queries reports energy per query per year: inference energy over queries served")
    func projection() throws {
        guard case .projection(let p) = try ScenarioFile.loadDocument(scenariosFolder.appendingPathComponent("chatbot-service.yaml").path) else {
            Issue.record("not a projection"); return
        }
        let report = try p.run(catalog: Catalog.bundled(), settings: SimulationSettings(samples: 2_000, seed: 1, threads: 2))
        let year = report.years[0]
        let perQuery = try #require(report.summary(.energyPerQueryWh, year: year)).percentile(50)!
        // Scenarios/README.md: about 0.19 Wh per prompt in 2024 (Gemini's median text prompt: 0.24 Wh).
        #expect(perQuery > 0.05 && perQuery < 1, "\(perQuery) Wh")
    }
}
