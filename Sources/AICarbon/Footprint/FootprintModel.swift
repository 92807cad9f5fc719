/// The composed footprint model: training (chip-time or FLOP-based), inference, embodied emissions and
/// water, evaluated on resolved inputs. Pure and allocation-free.
///
/// The equations are those of ``ChipTimeTraining``, ``FLOPTraining``, ``InferenceEnergy``,
/// ``EmbodiedEmissions`` and ``WaterUse`` (DESIGN.md §2). The development multiplier scales training
/// accelerator-hours (Zhang et al. 2022, OPT; Groeneveld et al. 2024, OLMo).
public enum FootprintModel {
    /// Evaluates the model once.
    /// - Parameter x: Resolved inputs in base units.
    /// - Returns: The outputs in base units.
    public static func evaluate(_ x: FootprintInputs) -> FootprintOutputs {
        var trainingFLOPs: Double?
        let finalRunChipHours: Double
        switch x.compute {
        case .chipHours(let h):
            finalRunChipHours = h
        case .flops(let f):
            trainingFLOPs = f
            finalRunChipHours = FLOPTraining.chipHours(flops: f, peakFlopsPerS: x.peakFlopsPerS, mfu: x.mfu)
        }
        let chipHours = finalRunChipHours * x.developmentMultiplier
        let trainingIT = ChipTimeTraining.itEnergyKWh(chipHours: chipHours, powerW: x.powerPerChipW)
        let training = trainingIT * x.pue

        var inference = 0.0
        var inferenceChipHours = 0.0
        switch x.inference {
        case .none:
            break
        case .perQuery(let queries, let kWhPerQuery):
            inference = queries * kWhPerQuery
        case .flopBased(let queries, let activeParameters, let tokensPerQuery, let utilization):
            let flops = InferenceEnergy.flopsPerQuery(activeParameters: activeParameters, tokensPerQuery: tokensPerQuery)
            inferenceChipHours = queries * InferenceEnergy.chipHoursPerQuery(
                flopsPerQuery: flops, peakFlopsPerS: x.peakFlopsPerS, utilization: utilization)
            inference = queries * InferenceEnergy.energyPerQueryKWh(
                flopsPerQuery: flops, peakFlopsPerS: x.peakFlopsPerS, utilization: utilization,
                powerW: x.powerPerChipW, pue: x.pue)
        case .share(let s):
            inference = InferenceEnergy.topDownKWh(trainingKWh: training, share: s)
        }
        let energy = training + inference
        let it = energy / x.pue
        let co2e = energy * x.intensityKgPerKWh
        let embodied = EmbodiedEmissions.kilograms(
            chipHours: chipHours + inferenceChipHours, embodiedPerChipKg: x.embodiedPerChipKg, lifetimeHours: x.lifetimeHours)
        let water = WaterUse.litres(itEnergyKWh: it, facilityEnergyKWh: energy,
                                    wueOnsite: x.wueOnsite, waterIntensity: x.waterIntensity)
        return FootprintOutputs(
            energyKWh: energy, trainingEnergyKWh: training, inferenceEnergyKWh: inference, itEnergyKWh: it,
            co2eKg: co2e, embodiedCO2eKg: embodied, totalCO2eKg: co2e + embodied, waterL: water,
            chipHours: chipHours, trainingFLOPs: trainingFLOPs,
            wallClockHours: x.chips.map { finalRunChipHours / $0 })
    }
}
