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

    @inline(__always)
    private func step(_ path: GrowthPath, _ s: Int, _ sigma: Double, _ x: UnsafePointer<Double>, _ n: Int, _ i: Int) -> Double {
        // A driver the mode does not use has no steps: no growth.
        guard s < path.steps.count else { return 1 }
        var g = path.steps[s].value(x, n, i)
        if let z = path.noise[s] { g *= Foundation.exp(sigma * z.value(x, n, i)) }
        return g
    }

    public func evaluate(inputs x: UnsafePointer<Double>, count n: Int,
                         outputs columns: UnsafeMutableBufferPointer<UnsafeMutablePointer<Double>>) {
        let m = outputs.count
        var values = [Double](repeating: 0, count: Self.slotCount)
        let slots = outputs.map { Self.slot($0)! }
        for i in 0..<n {
            let sigma = noiseSigma.value(x, n, i)
            let eta = elasticity.value(x, n, i)
            let share = inferenceShare.value(x, n, i)
            var g1 = 1.0, g2 = 1.0, g3 = 1.0, g4 = 1.0, g5 = 1.0, efficiency = 1.0
            let pue0 = pue.value(at: 0, x, n, i)
            for t in 0..<years.count {
                if t > 0 {
                    switch mode {
                    case .aggregate:
                        g1 *= step(aiGrowth, t - 1, sigma, x, n, i)
                        g2 *= step(conventionalGrowth, t - 1, sigma, x, n, i)
                        efficiency *= step(efficiencyGain, t - 1, sigma, x, n, i)
                    case .bottomUp:
                        g1 *= step(trainingGrowth, t - 1, sigma, x, n, i)
                        g2 *= step(queriesGrowth, t - 1, sigma, x, n, i)
                        g3 *= step(tokensGrowth, t - 1, sigma, x, n, i)
                        g4 *= step(parametersGrowth, t - 1, sigma, x, n, i)
                        g5 *= step(trainingParametersGrowth, t - 1, sigma, x, n, i)
                        efficiency *= step(flopPerJouleGrowth, t - 1, sigma, x, n, i)
                    }
                }
                let pueT = pue.value(at: t, x, n, i)
                let intensity = grid.value(at: t, x, n, i)
                let energy: Double, without: Double, training: Double, inference: Double, it: Double
                var k = efficiency, embodied = 0.0, served = 0.0, ai = 0.0, conventional = 0.0
                switch mode {
                case .aggregate:
                    // The base-year electricity is facility energy at the start year's PUE: a PUE path scales
                    // it by PUE(t) / PUE(start) (the IT load grows with the growth factors alone).
                    // The total is base × (share factors), not ai + conventional: with no growth yet the factors
                    // sum to 1 exactly, so a fixed base gives exactly that value in every trajectory.
                    let base = baseElectricityKWh.value(x, n, i) * (pueT / pue0), s = aiShare.value(x, n, i)
                    let demand = Rebound.demandFactor(k, eta)
                    ai = base * (s * g1 * demand)
                    conventional = base * ((1 - s) * g2)
                    energy = base * (s * g1 * demand + (1 - s) * g2)
                    without = base * (s * g1 + (1 - s) * g2)
                    inference = ai * share
                    training = ai - inference
                    it = energy / pueT
                case .bottomUp:
                    k = efficiency * pue0 / pueT
                    let rebound = Rebound.demandFactor(k, eta)
                    // The footprint equations (DESIGN.md §2), with the hardware's FLOP/s per watt improved by
                    // `efficiency` since the start year (Epoch AI: about 1.3× a year) at the same power.
                    let power = ChipPower.watts(tdpW: tdpW, powerUtilization: powerUtilization.value(x, n, i),
                                                hostOverhead: hostOverhead.value(x, n, i))
                    let peak = peakFlopsPerS * efficiency
                    let perRun: Double
                    if let trainingParameters {
                        let parameters = trainingParameters.value(x, n, i) * g5
                        perRun = FLOPTraining.trainingFLOPs(activeParameters: parameters,
                                                            tokens: tokensPerParameter.value(x, n, i) * parameters)
                    } else {
                        perRun = trainingCompute.value(x, n, i)
                    }
                    let trainingChipHours = FLOPTraining.chipHours(flops: trainingRuns.value(x, n, i) * perRun * g1 * rebound,
                                                                   peakFlopsPerS: peak, mfu: mfu.value(x, n, i))
                    let trainIT = ChipTimeTraining.itEnergyKWh(chipHours: trainingChipHours, powerW: power)
                    var inferenceIT: Double, inferenceChipHours = 0.0
                    if let queries {
                        served = queries.value(x, n, i) * g2 * rebound
                        let flopsPerQuery = InferenceEnergy.flopsPerQuery(
                            activeParameters: activeParameters.value(x, n, i) * g4, tokensPerQuery: tokensPerQuery.value(x, n, i) * g3)
                        inferenceChipHours = served * InferenceEnergy.chipHoursPerQuery(
                            flopsPerQuery: flopsPerQuery, peakFlopsPerS: peak, utilization: inferenceUtilization.value(x, n, i))
                        inferenceIT = ChipTimeTraining.itEnergyKWh(chipHours: inferenceChipHours, powerW: power)
                    } else {
                        inferenceIT = InferenceEnergy.topDownKWh(trainingKWh: trainIT, share: share)
                        // Top-down inference runs on the same hardware: its accelerator-hours in proportion.
                        inferenceChipHours = InferenceEnergy.topDownKWh(trainingKWh: trainingChipHours, share: share)
                    }
                    it = trainIT + inferenceIT
                    training = trainIT * pueT
                    inference = inferenceIT * pueT
                    energy = training + inference
                    without = energy / rebound
                    embodied = EmbodiedEmissions.kilograms(chipHours: trainingChipHours + inferenceChipHours,
                                                           embodiedPerChipKg: embodiedPerChipKg.value(x, n, i),
                                                           lifetimeHours: lifetimeHours.value(x, n, i))
                }
                values[0] = energy
                values[1] = training
                values[2] = inference
                values[3] = energy * intensity
                values[4] = embodied
                values[5] = WaterUse.litres(itEnergyKWh: it, facilityEnergyKWh: energy, wueOnsite: wue.value(x, n, i),
                                            waterIntensity: waterIntensity.value(x, n, i))
                values[6] = served
                values[7] = Rebound.rebound(k, eta)
                values[8] = without
                values[9] = gridMarket.map { energy * $0.value(at: t, x, n, i) } ?? .nan
                values[10] = ai
                values[11] = conventional
                // Facility energy per query served, Wh (bottom-up with queries only).
                values[12] = inference * 1000 / served
                for o in 0..<m { columns[t * m + o][i] = values[slots[o]] }
            }
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
