/// The composed footprint model: training (chip-time or FLOP-based), inference, embodied emissions and
/// water, evaluated on one set of inputs. Pure and allocation-free.
///
/// The equations are those of ``ChipTimeTraining``, ``FLOPTraining``, ``ChipPower``,
/// ``InferenceEnergy``, ``EmbodiedEmissions`` and ``WaterUse`` (DESIGN.md §2). The development
/// multiplier scales training accelerator-hours (Zhang et al. 2022, OPT; Groeneveld et al. 2024, OLMo).
public enum FootprintModel {
    /// Evaluates the model once, or on columns of samples at once.
    /// - Parameter x: Inputs in base units (``FootprintVariables<Double>`` for one evaluation).
    /// - Returns: The outputs in base units.
    @inline(__always)
    public static func evaluate<Value: FootprintArithmetic>(_ x: FootprintVariables<Value>) -> FootprintResults<Value> {
        var trainingFLOPs: Value?
        let finalRunChipHours: Value
        switch x.computeMode {
        case .chipHours:
            finalRunChipHours = x.chipHours
        case .wallClock:
            finalRunChipHours = x.chips * x.hours
        case .flops:
            trainingFLOPs = x.flops
            finalRunChipHours = FLOPTraining.chipHours(flops: x.flops, peakFlopsPerS: x.peakFlopsPerS, mfu: x.mfu)
        case .parametersAndTokens:
            let flops = FLOPTraining.trainingFLOPs(activeParameters: x.activeParameters, tokens: x.tokens)
            trainingFLOPs = flops
            finalRunChipHours = FLOPTraining.chipHours(flops: flops, peakFlopsPerS: x.peakFlopsPerS, mfu: x.mfu)
        }
        let power: Value
        switch x.powerMode {
        case .perChip: power = x.powerW
        case .fromTDP: power = ChipPower.watts(tdpW: x.tdpW, powerUtilization: x.powerUtilization, hostOverhead: x.hostOverhead)
        }
        let chipHours = finalRunChipHours * x.developmentMultiplier
        let training = ChipTimeTraining.itEnergyKWh(chipHours: chipHours, powerW: power) * x.pue

        var inference: Value = 0
        var inferenceChipHours: Value = 0
        var perQueryKWh: Value?
        switch x.inferenceMode {
        case .none:
            break
        case .perQuery:
            inference = x.queries * x.energyPerQueryKWh
            perQueryKWh = x.energyPerQueryKWh
        case .flopBased:
            let flops = InferenceEnergy.flopsPerQuery(activeParameters: x.activeParameters, tokensPerQuery: x.tokensPerQuery)
            inferenceChipHours = x.queries * InferenceEnergy.chipHoursPerQuery(
                flopsPerQuery: flops, peakFlopsPerS: x.peakFlopsPerS, utilization: x.inferenceUtilization)
            let perQuery = InferenceEnergy.energyPerQueryKWh(
                flopsPerQuery: flops, peakFlopsPerS: x.peakFlopsPerS, utilization: x.inferenceUtilization,
                powerW: power, pue: x.pue)
            inference = x.queries * perQuery
            perQueryKWh = perQuery
        case .prefillDecode:
            // Serving power: the measured per-chip power when given, else TDP × serving utilisation × host.
            let servingPower: Value
            switch x.powerMode {
            case .perChip: servingPower = x.powerW
            case .fromTDP:
                servingPower = ChipPower.watts(tdpW: x.tdpW, powerUtilization: x.servingPowerUtilization, hostOverhead: x.hostOverhead)
            }
            let seconds = InferenceEnergy.prefillDecodeChipSeconds(
                activeParameters: x.activeParameters, totalParameters: x.totalParameters, bytesPerParameter: x.bytesPerParameter,
                inputTokens: x.inputTokensPerQuery, outputTokens: x.tokensPerQuery, batch: x.batchSize, chips: x.servingChips,
                peakFlopsPerS: x.peakFlopsPerS, bandwidthBytesPerS: x.memoryBandwidthBytesPerS, kvBytesPerToken: x.kvBytesPerToken,
                prefillUtilization: x.prefillUtilization, bandwidthUtilization: x.bandwidthUtilization,
                decodeUtilization: x.decodeUtilization)
            let chipHoursPerQuery = (seconds.prefill + seconds.decode) / 3600
            inferenceChipHours = x.queries * chipHoursPerQuery
            let perQuery = ChipTimeTraining.itEnergyKWh(chipHours: chipHoursPerQuery, powerW: servingPower) * x.pue
            inference = x.queries * perQuery
            perQueryKWh = perQuery
        case .share:
            inference = InferenceEnergy.topDownKWh(trainingKWh: training, share: x.inferenceShare)
        }
        let energy = training + inference
        let it = energy / x.pue
        let co2e = energy * x.intensityKgPerKWh
        let embodied = EmbodiedEmissions.kilograms(
            chipHours: chipHours + inferenceChipHours, embodiedPerChipKg: x.embodiedPerChipKg, lifetimeHours: x.lifetimeHours,
            inUseShare: x.inUseShare)
        let water = WaterUse.litres(itEnergyKWh: it, facilityEnergyKWh: energy,
                                    wueOnsite: x.wueOnsite, waterIntensity: x.waterIntensity)
        return FootprintResults(
            energyKWh: energy, trainingEnergyKWh: training, inferenceEnergyKWh: inference, itEnergyKWh: it,
            co2eKg: co2e, embodiedCO2eKg: embodied, totalCO2eKg: co2e + embodied, waterL: water,
            chipHours: chipHours, trainingFLOPs: trainingFLOPs, energyPerQueryWh: perQueryKWh.map { $0 * 1000 },
            wallClockHours: Value.value(finalRunChipHours / x.chips, wherePositive: x.chips))
    }
}
