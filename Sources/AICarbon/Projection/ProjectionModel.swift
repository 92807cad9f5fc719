import Foundation

/// The multi-year projection model, evaluated one trajectory per sample (every driver drawn once per
/// trajectory, with optional year-to-year noise on growth).
///
/// Aggregate mode (IEA 2025; Shehabi et al. 2024): a base-year data-centre electricity level split into
/// AI (accelerated) and conventional servers, each growing by its own annual factors. That level is
/// facility energy at the start year's PUE; a PUE path scales it by `PUE(t) / PUE(start)`.
///
/// Bottom-up mode (DESIGN.md §2): training compute per year (runs × compute per run, the latter given or
/// `6 × N × tokens per parameter × N` with parameter growth) and queries × 2 × active parameters ×
/// tokens per query, divided by the effective FLOP per joule of the hardware
/// (`peak × utilization / (TDP × power utilization × host overhead)`), which improves each year
/// (Epoch AI: about 1.3× a year), times PUE; top-down inference by share when no queries are given.
///
/// Rebound (Sorrell & Dimitropoulos 2008, see ``Rebound``): the efficiency gain since the start year,
/// `k(t)` (hardware FLOP per joule × PUE improvement in bottom-up mode; `efficiency_gain` per year in
/// aggregate mode), raises demand for the AI service by `k(t)^(−η)`; energy without rebound is
/// reported beside it, with `R(t)`.
struct ProjectionModel: ChunkModel {
    /// Aggregate (base-year electricity split and grown) or bottom-up (compute and queries).
    public enum Mode: Sendable, Hashable { case aggregate, bottomUp }

    var mode: Mode
    var years: [Int]
    var outputs: [OutputName]
    // Aggregate mode.
    var baseElectricityKWh = ProjectionParameter.fixed(0), aiShare = ProjectionParameter.fixed(0)
    var aiGrowth = GrowthPath(steps: [], noise: []), conventionalGrowth = GrowthPath(steps: [], noise: [])
    var efficiencyGain = GrowthPath(steps: [], noise: [])
    // Bottom-up mode.
    var trainingCompute = ProjectionParameter.fixed(0), trainingGrowth = GrowthPath(steps: [], noise: [])
    /// Runs per year multiplying the compute per run (default 1).
    var trainingRuns = ProjectionParameter.fixed(1)
    /// When set, compute per run is `6 × N × tokens_per_param × N` (Kaplan et al. 2020; Hoffmann et al. 2022).
    var trainingParameters: ProjectionParameter?
    var trainingParametersGrowth = GrowthPath(steps: [], noise: [])
    var tokensPerParameter = ProjectionParameter.fixed(20)
    var queries: ProjectionParameter?, queriesGrowth = GrowthPath(steps: [], noise: [])
    var tokensPerQuery = ProjectionParameter.fixed(0), tokensGrowth = GrowthPath(steps: [], noise: [])
    var activeParameters = ProjectionParameter.fixed(0), parametersGrowth = GrowthPath(steps: [], noise: [])
    var flopPerJouleGrowth = GrowthPath(steps: [], noise: [])
    var peakFlopsPerS = 0.0, tdpW = 0.0
    var mfu = ProjectionParameter.fixed(0.4), inferenceUtilization = ProjectionParameter.fixed(0.2)
    var powerUtilization = ProjectionParameter.fixed(1), hostOverhead = ProjectionParameter.fixed(1)
    var embodiedPerChipKg = ProjectionParameter.fixed(0), lifetimeHours = ProjectionParameter.fixed(1)
    /// Share of the service life in use (``EmbodiedEmissions``), 0.85 unless `in_use` is given.
    var inUseShare = ProjectionParameter.fixed(Defaults.lifetimeUse)
    // Both modes.
    var inferenceShare = ProjectionParameter.fixed(0.8)
    var pue = LevelPath.constant(.fixed(1.1))
    var grid = LevelPath.constant(.fixed(0))
    var gridMarket: LevelPath?
    var elasticity = ProjectionParameter.fixed(0)
    var wue = ProjectionParameter.fixed(0), waterIntensity = ProjectionParameter.fixed(0)
    var noiseSigma = ProjectionParameter.fixed(0)

    public var outputCount: Int { years.count * outputs.count }

    public func outputName(_ index: Int) -> String {
        "\(outputs[index % outputs.count].rawValue) in \(years[index / outputs.count])"
    }

    /// The column of output `o` in year index `t`.
    func column(year t: Int, output o: Int) -> Int { t * outputs.count + o }

    /// Multiplies the running product `g` by the growth factor of step `s` of `path` for each sample,
    /// with its noise `exp(σ z)` when the step has one. A driver the mode does not use has no steps: no growth.
    private func grow(_ g: UnsafeMutablePointer<Double>, by path: GrowthPath, step s: Int, sigma: UnsafePointer<Double>,
                      _ x: UnsafePointer<Double>, _ n: Int, _ scratch: inout ColumnScratch) {
        guard s < path.steps.count else { return }
        let factor = path.steps[s].column(x, n, &scratch)
        if let noise = path.noise[s] {
            let z = noise.column(x, n, &scratch)
            for i in 0..<n { g[i] *= factor[i] * Foundation.exp(sigma[i] * z[i]) }
        } else {
            for i in 0..<n { g[i] *= factor[i] }
        }
    }

    /// Evaluates a tile of trajectories year by year, each year's values as columns over the tile: every
    /// input is read as a column (``ProjectionParameter/column(_:_:_:)``), so the inner loops carry no
    /// per-value lookups and each sample's arithmetic is the same, in the same order, as one trajectory
    /// evaluated alone. Values no output reports and no other value needs are not computed.
    public func evaluate(inputs x: UnsafePointer<Double>, count n: Int,
                         outputs columns: UnsafeMutableBufferPointer<UnsafeMutablePointer<Double>>) {
        var scratch = ColumnScratch(count: n)
        defer { scratch.deallocate() }
        let m = outputs.count
        let slots = outputs.map { Self.slot($0)! }
        let sigma = noiseSigma.column(x, n, &scratch), eta = elasticity.column(x, n, &scratch)
        let share = inferenceShare.column(x, n, &scratch)
        // Running growth products since the start year, and the efficiency gain k's driver.
        let g1 = scratch.column(filled: 1), g2 = scratch.column(filled: 1), g3 = scratch.column(filled: 1)
        let g4 = scratch.column(filled: 1), g5 = scratch.column(filled: 1), efficiency = scratch.column(filled: 1)
        let pue0 = pue.column(at: 0, x, n, &scratch)
        // Where each slot's values go: the output that reports it, else a scratch column (reused every year).
        var reported = [Int?](repeating: nil, count: Self.slotCount)
        for (o, slot) in slots.enumerated() { reported[slot] = o }
        let spare = (0..<Self.slotCount).map { reported[$0] == nil ? scratch.column(filled: 0) : nil }
        let k = scratch.column(filled: 1), it = scratch.column(filled: 0)
        // Inputs that do not change from year to year, as columns once.
        let wue = self.wue.column(x, n, &scratch), waterIntensity = self.waterIntensity.column(x, n, &scratch)
        for t in 0..<years.count {
            if t > 0 {
                switch mode {
                case .aggregate:
                    grow(g1, by: aiGrowth, step: t - 1, sigma: sigma, x, n, &scratch)
                    grow(g2, by: conventionalGrowth, step: t - 1, sigma: sigma, x, n, &scratch)
                    grow(efficiency, by: efficiencyGain, step: t - 1, sigma: sigma, x, n, &scratch)
                case .bottomUp:
                    grow(g1, by: trainingGrowth, step: t - 1, sigma: sigma, x, n, &scratch)
                    grow(g2, by: queriesGrowth, step: t - 1, sigma: sigma, x, n, &scratch)
                    grow(g3, by: tokensGrowth, step: t - 1, sigma: sigma, x, n, &scratch)
                    grow(g4, by: parametersGrowth, step: t - 1, sigma: sigma, x, n, &scratch)
                    grow(g5, by: trainingParametersGrowth, step: t - 1, sigma: sigma, x, n, &scratch)
                    grow(efficiency, by: flopPerJouleGrowth, step: t - 1, sigma: sigma, x, n, &scratch)
                }
            }
            let out = (0..<Self.slotCount).map { reported[$0].map { columns[t * m + $0] } ?? spare[$0]! }
            let energy = out[0], training = out[1], inference = out[2], embodied = out[4], served = out[6]
            let without = out[8], ai = out[10], conventional = out[11]
            let pueT = pue.column(at: t, x, n, &scratch)
            switch mode {
            case .aggregate:
                // The base-year electricity is facility energy at the start year's PUE: a PUE path scales it
                // by PUE(t) / PUE(start) (the IT load grows with the growth factors alone). The total is
                // base × (share factors), not ai + conventional: with no growth yet the factors sum to 1
                // exactly, so a fixed base gives exactly that value in every trajectory.
                let baseKWh = baseElectricityKWh.column(x, n, &scratch), aiShare = self.aiShare.column(x, n, &scratch)
                for i in 0..<n {
                    let base = baseKWh[i] * (pueT[i] / pue0[i]), s = aiShare[i]
                    k[i] = efficiency[i]
                    let demand = Rebound.demandFactor(k[i], eta[i])
                    ai[i] = base * (s * g1[i] * demand)
                    conventional[i] = base * ((1 - s) * g2[i])
                    energy[i] = base * (s * g1[i] * demand + (1 - s) * g2[i])
                    without[i] = base * (s * g1[i] + (1 - s) * g2[i])
                    inference[i] = ai[i] * share[i]
                    training[i] = ai[i] - inference[i]
                    it[i] = energy[i] / pueT[i]
                    embodied[i] = 0
                    served[i] = 0
                }
            case .bottomUp:
                evaluateBottomUp(year: t, x, n, &scratch, pue0: pue0, pueT: pueT, eta: eta, share: share,
                                 growth: (g1, g2, g3, g4, g5, efficiency), k: k, it: it, out: out)
            }
            let intensity = grid.column(at: t, x, n, &scratch)
            for i in 0..<n {
                out[3][i] = energy[i] * intensity[i]
                out[5][i] = WaterUse.litres(itEnergyKWh: it[i], facilityEnergyKWh: energy[i], wueOnsite: wue[i],
                                            waterIntensity: waterIntensity[i])
            }
            if reported[7] != nil { for i in 0..<n { out[7][i] = Rebound.rebound(k[i], eta[i]) } }
            if reported[9] != nil {
                if let gridMarket {
                    let market = gridMarket.column(at: t, x, n, &scratch)
                    for i in 0..<n { out[9][i] = energy[i] * market[i] }
                } else {
                    out[9].update(repeating: .nan, count: n)
                }
            }
            // Facility energy per query served, Wh (bottom-up with queries only).
            if reported[12] != nil { for i in 0..<n { out[12][i] = inference[i] * 1000 / served[i] } }
        }
    }

    /// The bottom-up values of year index `t` (DESIGN.md §2): training and inference energy, served
    /// queries, embodied emissions, IT energy and the efficiency gain `k`, per sample.
    private func evaluateBottomUp(
        year t: Int, _ x: UnsafePointer<Double>, _ n: Int, _ scratch: inout ColumnScratch,
        pue0: UnsafePointer<Double>, pueT: UnsafePointer<Double>, eta: UnsafePointer<Double>, share: UnsafePointer<Double>,
        growth: (g1: UnsafeMutablePointer<Double>, g2: UnsafeMutablePointer<Double>, g3: UnsafeMutablePointer<Double>,
                 g4: UnsafeMutablePointer<Double>, g5: UnsafeMutablePointer<Double>, efficiency: UnsafeMutablePointer<Double>),
        k: UnsafeMutablePointer<Double>, it: UnsafeMutablePointer<Double>, out: [UnsafeMutablePointer<Double>]
    ) {
        let (g1, g2, g3, g4, g5, efficiency) = growth
        let powerUtilization = self.powerUtilization.column(x, n, &scratch), hostOverhead = self.hostOverhead.column(x, n, &scratch)
        let runs = trainingRuns.column(x, n, &scratch), mfu = self.mfu.column(x, n, &scratch)
        let compute = trainingCompute.column(x, n, &scratch)
        let parameters0 = trainingParameters?.column(x, n, &scratch), perParameter = tokensPerParameter.column(x, n, &scratch)
        let queries0 = queries?.column(x, n, &scratch), tokens = tokensPerQuery.column(x, n, &scratch)
        let active = activeParameters.column(x, n, &scratch), utilization = inferenceUtilization.column(x, n, &scratch)
        let embodiedPerChip = embodiedPerChipKg.column(x, n, &scratch), lifetime = lifetimeHours.column(x, n, &scratch)
        let inUse = inUseShare.column(x, n, &scratch)
        for i in 0..<n {
            k[i] = efficiency[i] * pue0[i] / pueT[i]
            let rebound = Rebound.demandFactor(k[i], eta[i])
            // The footprint equations (DESIGN.md §2), with the hardware's FLOP/s per watt improved by
            // `efficiency` since the start year (Epoch AI: about 1.3× a year) at the same power.
            let power = ChipPower.watts(tdpW: tdpW, powerUtilization: powerUtilization[i], hostOverhead: hostOverhead[i])
            let peak = peakFlopsPerS * efficiency[i]
            let perRun: Double
            if let parameters0 {
                let parameters = parameters0[i] * g5[i]
                perRun = FLOPTraining.trainingFLOPs(activeParameters: parameters, tokens: perParameter[i] * parameters)
            } else {
                perRun = compute[i]
            }
            let trainingChipHours = FLOPTraining.chipHours(flops: runs[i] * perRun * g1[i] * rebound, peakFlopsPerS: peak, mfu: mfu[i])
            let trainIT = ChipTimeTraining.itEnergyKWh(chipHours: trainingChipHours, powerW: power)
            var inferenceIT: Double, inferenceChipHours = 0.0, served = 0.0
            if let queries0 {
                served = queries0[i] * g2[i] * rebound
                let flopsPerQuery = InferenceEnergy.flopsPerQuery(activeParameters: active[i] * g4[i], tokensPerQuery: tokens[i] * g3[i])
                inferenceChipHours = served * InferenceEnergy.chipHoursPerQuery(
                    flopsPerQuery: flopsPerQuery, peakFlopsPerS: peak, utilization: utilization[i])
                inferenceIT = ChipTimeTraining.itEnergyKWh(chipHours: inferenceChipHours, powerW: power)
            } else {
                inferenceIT = InferenceEnergy.topDownKWh(trainingKWh: trainIT, share: share[i])
                // Top-down inference runs on the same hardware: its accelerator-hours in proportion.
                inferenceChipHours = InferenceEnergy.topDownKWh(trainingKWh: trainingChipHours, share: share[i])
            }
            it[i] = trainIT + inferenceIT
            let training = trainIT * pueT[i], inference = inferenceIT * pueT[i]
            out[1][i] = training
            out[2][i] = inference
            out[0][i] = training + inference
            out[8][i] = out[0][i] / rebound
            out[4][i] = EmbodiedEmissions.kilograms(chipHours: trainingChipHours + inferenceChipHours,
                                                    embodiedPerChipKg: embodiedPerChip[i], lifetimeHours: lifetime[i],
                                                    inUseShare: inUse[i])
            out[6][i] = served
            out[10][i] = 0
            out[11][i] = 0
        }
    }

    /// Index into the per-year value buffer, or `nil` for an output projections do not compute
    /// (exhaustive, so a new output must be placed here or declared absent).
    static func slot(_ name: OutputName) -> Int? {
        switch name {
        case .energyKWh: return 0
        case .trainingEnergyKWh: return 1
        case .inferenceEnergyKWh: return 2
        case .co2eKg: return 3
        case .embodiedCO2eKg: return 4
        case .waterL: return 5
        case .queries: return 6
        case .rebound: return 7
        case .energyWithoutReboundKWh: return 8
        case .co2eMarketKg: return 9
        case .aiEnergyKWh: return 10
        case .conventionalEnergyKWh: return 11
        case .energyPerQueryWh: return 12
        case .itEnergyKWh, .totalCO2eKg, .chipHours, .trainingFLOPs, .wallClockHours: return nil
        }
    }

    /// Per-year values the model computes, one slot each (see ``slot(_:)``).
    static let slotCount = 13
}
