import Testing
@testable import AICarbon

@Suite("Footprint models")
struct FootprintModelTests {
    @Test("GPT-3 chip-time: Patterson et al. 2021, 10,000 V100 x 14.8 days x 330 W x PUE 1.10 x 0.429 kg/kWh")
    func gpt3ChipTime() {
        let run = ChipTimeTraining(chipHours: 10_000 * 14.8 * 24, power: ChipPower(measured: Power(watts: 330)), pue: 1.10)
        // Published 1,287 MWh and 552.1 t with days rounded to 14.8: 1,289.4 MWh and 553.14 t here.
        #expect(abs(run.energy.kilowattHours - 1_289_376) < 1e-6)
        #expect(abs(run.emissions(at: CarbonIntensity(kilogramsPerKilowattHour: 0.429)).kilograms - 553_142.304) < 1e-6)
        #expect(abs(run.energy.kilowattHours / 1000 - 1_287) / 1_287 < 0.05 / 14.8)
    }

    @Test("GPT-3 FLOP path: 6 x 175e9 x 300e9 FLOP at 24.6 of 125 TFLOP/s on 10,000 V100 takes about 14.8 days")
    func gpt3FLOPs() {
        let model = FLOPTraining(activeParameters: 175e9, tokens: 300e9, peakFlopsPerS: 125e12, mfu: 24.6 / 125)
        #expect(model.flops == 3.15e23)
        let days = model.wallClock(chips: 10_000).hours / 24
        // Patterson et al. 2021 Table 4: 14.8 days (total FLOPs printed as 3.14e23).
        #expect(abs(days - 14.8) < 0.05, "\(days) days")
    }

    @Test("LLaMA-65B chip-time: Touvron et al. 2023 Table 15, 1,022,362 GPU-h x 400 W x 1.1 = 449.8 MWh, 173 t")
    func llama65B() {
        let run = ChipTimeTraining(chipHours: 1_022_362, power: ChipPower(measured: Power(watts: 400)), pue: 1.1)
        #expect(abs(run.energy.kilowattHours - 449_839.28) < 1e-6)
        #expect((run.emissions(at: CarbonIntensity(kilogramsPerKilowattHour: 0.385)).kilograms / 1000).rounded() == 173)
    }

    @Test("power per chip from TDP x utilization x overhead")
    func chipPower() {
        #expect(ChipPower(tdp: Power(watts: 700), powerUtilization: 0.8, hostOverhead: 1.25).watts == 700)
    }

    @Test("top-down inference share: s = 0.8 gives four times training energy")
    func topDown() {
        #expect(abs(InferenceEnergy.topDownKWh(trainingKWh: 100, share: 0.8) - 400) < 1e-9)
        #expect(InferenceEnergy.topDownKWh(trainingKWh: 100, share: 0) == 0)
    }

    @Test("FLOP-based energy per query: 2 x 70e9 x 500 FLOP on H100 at 20% and 700 W, PUE 1.1")
    func perQueryFLOPs() {
        let flops = InferenceEnergy.flopsPerQuery(activeParameters: 70e9, tokensPerQuery: 500)
        #expect(flops == 7e13)
        let kWh = InferenceEnergy.energyPerQueryKWh(flopsPerQuery: flops, peakFlopsPerS: 989e12, utilization: 0.2,
                                                     powerW: 700, pue: 1.1)
        // 7e13 / (989e12 × 0.2) s = 0.353893 s; × 700 W × 1.1 = 272.497 J = 0.0756937 Wh.
        #expect(abs(kWh * 1000 - 7e13 / (989e12 * 0.2) * 700 * 1.1 / 3600) < 1e-15)
        #expect(abs(kWh * 1000 - 0.0756937) < 1e-7)
    }

    @Test("composed model: training, per-query inference, embodied and water add up by hand")
    func composed() {
        var x = FootprintVariables<Double>(computeMode: .wallClock, powerMode: .perChip)
        x.chips = 10
        x.hours = 100
        x.powerW = 500
        x.pue = 1.2
        x.intensityKgPerKWh = 0.4
        x.developmentMultiplier = 2
        x.inferenceMode = .perQuery
        x.queries = 1_000_000
        x.energyPerQueryKWh = 0.0003
        x.embodiedPerChipKg = 1_000
        x.lifetimeHours = 10_000 / Defaults.lifetimeUse   // calendar hours: 10,000 of them in use
        x.wueOnsite = 1
        x.waterIntensity = 2
        let out = FootprintModel.evaluate(x)
        // Training: 10 chips × 100 h × 2 × 500 W = 1,000 kWh IT; × 1.2 = 1,200 kWh. Inference: 300 kWh.
        #expect(out.chipHours == 2_000)
        #expect(abs(out.trainingEnergyKWh - 1_200) < 1e-9)
        #expect(abs(out.inferenceEnergyKWh - 300) < 1e-9)
        #expect(abs(out.energyKWh - 1_500) < 1e-9)
        #expect(abs(out.itEnergyKWh - 1_250) < 1e-9)
        #expect(abs(out.co2eKg - 600) < 1e-9)
        // Embodied: 1,000 kg × 2,000 chip-h / (lifetime × 0.85 = 10,000 h in use) = 200 kg.
        #expect(abs(out.embodiedCO2eKg - 200) < 1e-9)
        #expect(abs(out.totalCO2eKg - 800) < 1e-9)
        // Water: 1,250 kWh × 1 L/kWh + 1,500 kWh × 2 L/kWh = 4,250 L.
        #expect(abs(out.waterL - 4_250) < 1e-9)
        #expect(out.wallClockHours == 100)
    }

    @Test("power from TDP: 700 W x 0.8 x 1.25 = 700 W per chip in the composed model")
    func composedTDP() {
        var x = FootprintVariables<Double>(computeMode: .chipHours, powerMode: .fromTDP)
        x.chipHours = 1_000
        x.tdpW = 700
        x.powerUtilization = 0.8
        x.hostOverhead = 1.25
        x.pue = 1
        #expect(abs(FootprintModel.evaluate(x).itEnergyKWh - 700) < 1e-9)
    }

    @Test("Gemini per-prompt energy (Elsworth et al. 2025: 0.24 Wh) over a billion prompts is 240 MWh")
    func geminiPerQuery() {
        var x = FootprintVariables<Double>(computeMode: .chipHours, powerMode: .perChip)
        x.inferenceMode = .perQuery
        x.queries = 1e9
        x.energyPerQueryKWh = 0.24e-3
        #expect(abs(FootprintModel.evaluate(x).inferenceEnergyKWh - 240_000) < 1e-6)
    }

    @Test("the engine's column model (slices of 128 samples) gives each sample's outputs bit for bit, in every mode, for any tile length",
          arguments: [(FootprintComputeMode.parametersAndTokens, FootprintPowerMode.fromTDP, FootprintInferenceMode.none),
                      (.wallClock, .perChip, .perQuery), (.flops, .fromTDP, .flopBased), (.chipHours, .perChip, .share),
                      (.parametersAndTokens, .fromTDP, .prefillDecode), (.chipHours, .perChip, .prefillDecode)])
    func lanesMatchSamples(_ compute: FootprintComputeMode, _ power: FootprintPowerMode, _ inference: FootprintInferenceMode) {
        var template = FootprintVariables<Double>(computeMode: compute, powerMode: power)
        template.inferenceMode = inference
        for (k, slot) in InputSlot.allCases.enumerated() { template[slot] = 1 + Double(k % 7) / 3 }
        template.inferenceShare = 0.8
        template.peakFlopsPerS = 2.5   // not a slot (set from the catalog), so set apart
        template.chips = 0   // wall-clock hours absent (NaN) where there is no chip count
        let slots: [InputSlot] = [.mfu, .pue, .intensity, .chips, .hours, .queries, .powerUtilization]
        let outputs = OutputName.allCases.filter { FootprintResults<Double>.keyPath($0) != nil || $0 == .trainingFLOPs || $0 == .wallClockHours }
        let model = FootprintChunkModel(template: template, slots: slots, outputs: outputs)
        // Chips are positive in some samples and not in others; or, in the second pattern, in no sample of
        // every other slice of 128 (the first included), so that the equations take other columns there and
        // the outputs written in place (FootprintChunkModel.write) must move.
        for (count, pattern) in [(1, 0), (3, 0), (4, 0), (7, 0), (300, 0), (1_024, 0), (300, 1), (1_024, 1), (1_000, 2)] {
            var inputs: [Double] = []
            for j in slots.indices {
                for i in 0..<count {
                    let step = Double((i * 7 + j * 3) % 11) / 4
                    let slice = i / FootprintChunkModel.sliceRows
                    let chips = pattern == 0 ? step - 1 : (slice % 2 == pattern % 2 ? -1 : step + 0.25)
                    inputs.append(slots[j] == .chips ? chips : step + 0.25)
                }
            }
            let storage = UnsafeMutablePointer<Double>.allocate(capacity: outputs.count * count)
            defer { storage.deallocate() }
            var pointers = outputs.indices.map { storage + $0 * count }
            inputs.withUnsafeBufferPointer { input in
                pointers.withUnsafeMutableBufferPointer { model.evaluate(inputs: input.baseAddress!, count: count, outputs: $0) }
            }
            let columns = outputs.indices.map { Array(UnsafeBufferPointer(start: storage + $0 * count, count: count)) }
            for i in 0..<count {
                var x = template
                for (j, slot) in slots.enumerated() { x[slot] = inputs[j * count + i] }
                let y = FootprintModel.evaluate(x)
                for (o, name) in outputs.enumerated() {
                    #expect(y[name].bitPattern == columns[o][i].bitPattern, "\(name) sample \(i) of \(count): \(y[name]) vs \(columns[o][i])")
                }
            }
        }
    }

    @Test("writing a slice's outputs: a value found in another output's column, which that output's own value is still to fill, is moved first")
    func writeMovesDisplacedValue() {
        // Output 1's value sits in output 0's destination (as when the equations took other columns on a
        // slice than on the first), and output 0's value in a scratch column: writing output 0 first must not
        // overwrite output 1's value before it is copied.
        let rows = 4, arena = TileArena(capacity: rows)
        arena.reset(count: rows)
        let destinations = [UnsafeMutablePointer<Double>.allocate(capacity: rows), .allocate(capacity: rows)]
        defer { destinations.forEach { $0.deallocate() } }
        destinations[0].update(from: [10, 11, 12, 13], count: rows)
        destinations[1].update(repeating: .nan, count: rows)
        let scratch = arena.column()
        scratch.update(from: [1, 2, 3, 4], count: rows)
        var values = [TileValue(column: scratch, arena: arena), TileValue(column: destinations[0], arena: arena)]
        var columns = destinations
        values.withUnsafeMutableBufferPointer { values in
            columns.withUnsafeMutableBufferPointer { FootprintChunkModel.write(values, to: $0, at: 0, rows: rows, arena: arena) }
        }
        #expect(Array(UnsafeBufferPointer(start: destinations[0], count: rows)) == [1, 2, 3, 4])
        #expect(Array(UnsafeBufferPointer(start: destinations[1], count: rows)) == [10, 11, 12, 13])
    }
}
