/// What a person gave for a single-model estimate (from CLI flags or a scenario file), in base units,
/// before defaults and catalog look-ups.
///
/// ``resolve(catalog:)`` checks that the pieces fit together (one duration, or FLOPs, not both; what
/// the FLOP path needs) and fills the gaps with ``Defaults``, recording each as an ``Assumption``.
/// Error messages name the CLI flags (`--hours`); a scenario loader maps them to its keys.
public struct EstimateSpec: Sendable, Hashable {
    /// Catalog accelerator name.
    public var hardware: String?
    /// Number of accelerators.
    public var chips: Double?
    /// Wall-clock duration, hours.
    public var hours: Double?
    /// Accelerator-hours.
    public var chipHours: Double?
    /// Total parameters.
    public var parameters: Double?
    /// Active parameters per token (mixture-of-experts); defaults to ``parameters``.
    public var activeParameters: Double?
    /// Training tokens.
    public var tokens: Double?
    /// Training FLOPs, instead of parameters and tokens.
    public var flops: Double?
    /// Model FLOP utilization.
    public var mfu: Double?
    /// Average power per chip, W, host share included.
    public var powerW: Double?
    /// Average accelerator power / TDP.
    public var powerUtilization: Double?
    /// Host multiplier.
    public var hostOverhead: Double?
    /// Power usage effectiveness.
    public var pue: Double?
    /// The grid.
    public var grid: GridChoice?
    /// Development multiplier.
    public var developmentMultiplier: Double?
    /// Queries served over the model's life.
    public var queries: Double?
    /// Facility energy per query, kWh.
    public var energyPerQueryKWh: Double?
    /// Tokens per query (FLOP-based inference).
    public var tokensPerQuery: Double?
    /// Serving utilization (FLOP-based inference).
    public var inferenceUtilization: Double?
    /// Inference share of lifetime energy.
    public var inferenceShare: Double?
    /// Embodied emissions per accelerator, kg CO2e.
    public var embodiedPerChipKg: Double?
    /// Accelerator lifetime, hours.
    public var lifetimeHours: Double?
    /// On-site WUE, L/kWh.
    public var wueOnsite: Double?
    /// Water intensity of electricity, L/kWh.
    public var waterIntensity: Double?

    /// Creates an empty spec; set the fields you know.
    public init() {}

    /// The spec resolved against the catalogs, with the assumptions it made.
    public struct Resolved: Sendable, Hashable {
        /// Numeric inputs for ``FootprintModel``.
        public var inputs: FootprintInputs
        /// Values taken from defaults or the catalog rather than given.
        public var assumptions: [Assumption]
        /// The accelerator, when one was named.
        public var accelerator: Accelerator?
        /// The grid, when one was named or defaulted.
        public var grid: Grid?
    }

    /// Checks the spec and fills gaps from the catalog and ``Defaults``.
    /// - Parameter catalog: Hardware and grid catalogs.
    /// - Returns: Model inputs and the assumptions made.
    /// - Throws: ``InputError`` for missing, conflicting or unknown inputs.
    public func resolve(catalog: Catalog) throws(InputError) -> Resolved {
        var assumptions: [Assumption] = []
        func take(_ given: Double?, _ fallback: Assumption) -> Double {
            if let given { return given }
            assumptions.append(fallback)
            return fallback.value
        }
        let accelerator = try hardware.map { name throws(InputError) in try catalog.accelerator(named: name) }

        // Training compute: exactly one of a duration or FLOPs.
        let durationFlags = [hours != nil ? "--hours/--days" : nil, chipHours != nil ? "--chip-hours" : nil].compactMap { $0 }
        let flopFlags = [flops != nil ? "--flops" : nil, parameters != nil ? "--params" : nil,
                         tokens != nil ? "--tokens" : nil].compactMap { $0 }
        if durationFlags.count > 1 {
            throw InputError(field: "--chip-hours", expected: "one duration: --hours, --days or --chip-hours",
                             found: durationFlags.joined(separator: " and "))
        }
        if let duration = durationFlags.first, let flop = flopFlags.first {
            throw InputError(field: flop, expected: "either a duration or the FLOP-based inputs, not both",
                             found: "\(duration) and \(flop)")
        }
        if flops != nil, parameters != nil || tokens != nil {
            throw InputError(field: "--flops", expected: "--flops or --params with --tokens, not both",
                             found: "--flops and \(parameters != nil ? "--params" : "--tokens")")
        }
        let compute: FootprintInputs.Compute
        var mfuValue = Defaults.mfu.value
        if let chipHours {
            compute = .chipHours(chipHours)
        } else if let hours {
            guard let chips else {
                throw InputError(field: "--chips", expected: "the number of accelerators, needed with --hours or --days",
                                 found: "nothing (or give --chip-hours)")
            }
            compute = .chipHours(chips * hours)
        } else if flops != nil || parameters != nil || tokens != nil {
            let total: Double
            if let flops {
                total = flops
            } else {
                guard let parameters else {
                    throw InputError(field: "--params", expected: "the parameter count with --tokens", found: "nothing")
                }
                guard let tokens else {
                    throw InputError(field: "--tokens", expected: "the training token count with --params", found: "nothing")
                }
                total = FLOPTraining.trainingFLOPs(activeParameters: activeParameters ?? parameters, tokens: tokens)
            }
            guard accelerator != nil else {
                throw InputError(field: "--hardware", expected: "an accelerator (its peak FLOP/s is needed to turn FLOPs into time)",
                                 found: "nothing")
            }
            compute = .flops(total)
            mfuValue = take(mfu, Defaults.mfu)
        } else {
            throw InputError(field: "--hours", expected: "a duration (--hours, --days or --chip-hours) or FLOP-based inputs (--params and --tokens, or --flops)",
                             found: "none of them")
        }
        if mfu != nil, case .chipHours = compute {
            throw InputError(field: "--mfu", expected: "MFU only with the FLOP-based path (--params/--tokens or --flops)",
                             found: "a duration")
        }

        // Power per chip: given, or TDP × utilization × overhead.
        let power: Double
        if let powerW {
            if powerUtilization != nil || hostOverhead != nil {
                throw InputError(field: powerUtilization != nil ? "--power-utilization" : "--host-overhead",
                                 expected: "no utilization or overhead when --power gives the average power per chip",
                                 found: "both")
            }
            power = powerW
        } else {
            guard let accelerator else {
                throw InputError(field: "--power", expected: "an average power per chip (\"330 W\"), or --hardware for its TDP",
                                 found: "neither")
            }
            guard let tdp = accelerator.tdpW else {
                throw InputError(field: "--power", expected: "an average power per chip: \(accelerator.name) has no published TDP",
                                 found: "nothing")
            }
            power = ChipPower.watts(tdpW: tdp, powerUtilization: take(powerUtilization, Defaults.powerUtilization),
                                    hostOverhead: take(hostOverhead, Defaults.hostOverhead))
        }

        let pueValue = take(pue, Defaults.pue)
        let gridEntry: Grid?
        let intensity: Double
        switch grid {
        case .intensity(let value):
            gridEntry = nil
            intensity = value
        case .named(let name):
            gridEntry = try catalog.grid(named: name)
            intensity = gridEntry!.intensityKgPerKwh
        case nil:
            gridEntry = try catalog.grid(named: Defaults.gridName)
            intensity = gridEntry!.intensityKgPerKwh
            assumptions.append(Assumption(input: "grid", value: intensity, unit: "kg/kWh",
                                          source: "world average (\(gridEntry!.source)); pass --grid"))
        }

        let inference = try resolveInference(accelerator: accelerator, take: take)
        let embodied: Double
        if let embodiedPerChipKg {
            embodied = embodiedPerChipKg
        } else if let accelerator {
            embodied = accelerator.embodiedKg
            assumptions.append(Assumption(input: "embodied_per_chip", value: embodied, unit: "kg",
                                          source: "\(accelerator.name), catalog: \(Defaults.embodiedPerChip.source)"))
        } else {
            embodied = take(nil, Defaults.embodiedPerChip)
        }
        let inputs = FootprintInputs(
            compute: compute, chips: chips, peakFlopsPerS: accelerator?.peakFlopsPerS ?? 0, mfu: mfuValue,
            powerPerChipW: power, pue: pueValue, intensityKgPerKWh: intensity,
            developmentMultiplier: take(developmentMultiplier, Defaults.developmentMultiplier),
            inference: inference, embodiedPerChipKg: embodied,
            lifetimeHours: take(lifetimeHours, Defaults.lifetime),
            wueOnsite: take(wueOnsite, Defaults.wueOnsite), waterIntensity: take(waterIntensity, Defaults.waterIntensity))
        return Resolved(inputs: inputs, assumptions: assumptions, accelerator: accelerator, grid: gridEntry)
    }

    private func resolveInference(
        accelerator: Accelerator?, take: (Double?, Assumption) -> Double
    ) throws(InputError) -> FootprintInputs.Inference {
        if let inferenceShare {
            if queries != nil || energyPerQueryKWh != nil || tokensPerQuery != nil {
                throw InputError(field: "--inference-share",
                                 expected: "either a share or bottom-up inference (--queries with a per-query energy or tokens), not both",
                                 found: "both")
            }
            return .share(inferenceShare)
        }
        guard let queries else {
            if energyPerQueryKWh != nil || tokensPerQuery != nil {
                throw InputError(field: "--queries", expected: "the number of queries served, with --energy-per-query or --tokens-per-query",
                                 found: "nothing")
            }
            if inferenceUtilization != nil {
                throw InputError(field: "--inference-utilization", expected: "it only with --tokens-per-query", found: "no FLOP-based inference")
            }
            return .none
        }
        switch (energyPerQueryKWh, tokensPerQuery) {
        case (let e?, nil):
            return .perQuery(queries: queries, kWhPerQuery: e)
        case (nil, let t?):
            guard let active = activeParameters ?? parameters else {
                throw InputError(field: "--params", expected: "the model's (active) parameters, needed with --tokens-per-query",
                                 found: "nothing")
            }
            guard accelerator != nil else {
                throw InputError(field: "--hardware", expected: "an accelerator (its peak FLOP/s is needed with --tokens-per-query)",
                                 found: "nothing")
            }
            return .flopBased(queries: queries, activeParameters: active, tokensPerQuery: t,
                              utilization: take(inferenceUtilization, Defaults.inferenceUtilization))
        case (nil, nil):
            throw InputError(field: "--queries", expected: "--energy-per-query or --tokens-per-query with it", found: "neither")
        case (.some, .some):
            throw InputError(field: "--tokens-per-query", expected: "either --energy-per-query or --tokens-per-query, not both",
                             found: "both")
        }
    }
}
