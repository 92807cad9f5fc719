/// What a person gave for a single-model estimate (from CLI flags or a scenario file): each input a
/// fixed value or a distribution, in base units, before defaults and catalog look-ups.
///
/// ``resolve(catalog:)`` checks that the pieces fit together (one duration, or FLOPs, not both; what
/// the FLOP path needs) and fills the gaps with the calibrated priors of ``Defaults``, recording each
/// as an ``Assumption``. Errors name the input keys (`hours`), and refer to other inputs as `` `key` ``;
/// the command line shows its flags instead, a scenario file its keys with their lines.
public struct EstimateSpec: Sendable, Hashable {
    /// Catalog accelerator name.
    public var hardware: String?
    /// Given inputs by slot (``InputSlot/hours`` holds `hours` or `days`).
    public var values: [InputSlot: Distribution] = [:]
    /// Total parameters (the default for active parameters).
    public var parameters: Distribution?
    /// The grid.
    public var grid: GridChoice?
    /// Rank correlations between inputs, by scenario key.
    public var correlations: [Correlation] = []
    /// Whether the model is pruned and distilled from a larger one (`--recipe distilled`), which the
    /// planning prior of utilisation takes into account.
    public var distilled = false

    /// A requested rank correlation between two inputs.
    public struct Correlation: Sendable, Hashable {
        /// First input (scenario key).
        public var first: String
        /// Second input (scenario key).
        public var second: String
        /// Spearman rank correlation in (−1, 1).
        public var rho: Double
        /// Where it was declared, for errors.
        public var location: InputLocation?

        /// Creates a declared correlation.
        public init(first: String, second: String, rho: Double, location: InputLocation? = nil) {
            self.first = first
            self.second = second
            self.rho = rho
            self.location = location
        }
    }

    /// Creates an empty spec; set the inputs you know.
    public init() {}

    /// Reads or writes one given input.
    public subscript(slot: InputSlot) -> Distribution? {
        get { values[slot] }
        set { values[slot] = newValue }
    }

    /// The spec resolved against the catalogs, ready to simulate.
    public struct Resolved: Sendable {
        /// Fixed inputs and modes.
        public var template: FootprintVariables<Double>
        /// Uncertain inputs, one simulation column each.
        public var uncertain: [(slot: InputSlot, distribution: Distribution)]
        /// Rank correlations among the uncertain inputs, if any.
        public var correlation: RankCorrelation?
        /// Values taken from defaults or the catalog rather than given.
        public var assumptions: [Assumption]
        /// The outputs this estimate has, in report order.
        public var outputs: [OutputName]
        /// The outputs the simulation samples and stores (the others are derived exactly).
        public var sampled: [OutputName]
        /// Outputs that need no samples of their own: equal to another output, or constant.
        public var derived: [OutputName: Derivation] = [:]

        /// How an output that is not sampled is obtained.
        public enum Derivation: Sendable, Hashable {
            /// Every sample equals that output's (e.g. training energy when no inference is modelled).
            case same(OutputName)
            /// Every sample equals this value (e.g. zero inference energy, or FLOPs from fixed inputs).
            case constant(Double)
        }
        /// The accelerator, when one was named.
        public var accelerator: Accelerator?
        /// The grid, when one was named or defaulted.
        public var grid: Grid?
        /// The warning of an accelerator lifetime shorter than the run (``Estimate/lifetimeWarning(atMedians:results:)``),
        /// worked out once when the spec is resolved, from the evaluation at the medians that its checks use; the
        /// report and ``problem``'s warnings both give it.
        public internal(set) var lifetimeWarning: String?

        /// The engine adapter for these inputs and outputs.
        var model: FootprintChunkModel {
            FootprintChunkModel(template: template, slots: uncertain.map(\.slot), outputs: sampled)
        }

        /// The estimate as the engine runs it: the uncertain inputs (with their units and the source of
        /// each prior), the model, every output, sampled or derived, and the warning of a lifetime shorter
        /// than the run (``SimulationProblem/warnings``).
        public var problem: SimulationProblem {
            func source(_ name: OutputName) -> SimulationProblem.OutputSource {
                switch derived[name] {
                case .same(let other)?: return source(other)
                case .constant(let value)?: return .constant(value)
                case nil: return .column(sampled.firstIndex(of: name)!)
                }
            }
            let inputs = uncertain.map { slot, distribution in
                SimulationProblem.Input(name: slot.rawValue, distribution: distribution, unit: slot.unit,
                                        source: assumptions.first { $0.input == slot.rawValue }?.source ?? "given")
            }
            var problem = SimulationProblem(kind: "estimate", inputs: inputs, correlation: correlation, model: model,
                                            outputs: outputs.map(\.rawValue), units: outputs.map(\.baseUnit),
                                            sources: [outputs.map(source)], histogramBins: EstimateReport.histogramBins)
            // A lifetime shorter than the run, for every report of the problem (a comparison's too).
            problem.warnings = lifetimeWarning.map { [$0] } ?? []
            return problem
        }
    }

    /// Checks the spec and fills gaps from the catalog and ``Defaults``.
    /// - Parameter catalog: Hardware and grid catalogs.
    /// - Returns: Fixed template, uncertain inputs and the assumptions made.
    /// - Throws: ``InputError`` for missing, conflicting or unknown inputs.
    public func resolve(catalog: Catalog) throws(InputError) -> Resolved {
        var builder = Builder()
        let accelerator = try hardware.map { name throws(InputError) in try catalog.accelerator(named: name) }
        let given = { (slot: InputSlot) in values[slot] != nil }

        // Training compute: exactly one of a duration or FLOPs.
        let durationKeys = [given(.hours) ? "hours" : nil, given(.chipHours) ? "chip_hours" : nil].compactMap { $0 }
        let flopKeys = [given(.flops) ? "flops" : nil, parameters != nil ? "params" : nil, given(.tokens) ? "tokens" : nil].compactMap { $0 }
        if durationKeys.count > 1 {
            throw InputError(field: "chip_hours", expected: "one duration: `hours`, `days` or `chip_hours`",
                             found: durationKeys.map { "`\($0)`" }.joined(separator: " and "))
        }
        if let duration = durationKeys.first, let flop = flopKeys.first {
            throw InputError(field: flop, expected: "either a duration or the FLOP-based inputs, not both", found: "`\(duration)` and `\(flop)`")
        }
        if given(.flops), parameters != nil || given(.tokens) {
            throw InputError(field: "flops", expected: "`flops` or `params` with `tokens`, not both",
                             found: "`flops` and \(parameters != nil ? "`params`" : "`tokens`")")
        }
        let active = values[.activeParameters] ?? parameters
        if let total = parameters, let given = values[.activeParameters], given.median > total.median {
            throw InputError(field: "active_params", expected: "active parameters at most the total (`params`, \(JSONValue.numberText(total.median)))",
                             found: JSONValue.numberText(given.median))
        }
        let computeMode: FootprintComputeMode
        if given(.chipHours) {
            computeMode = .chipHours
        } else if given(.hours) {
            guard given(.chips) else {
                throw InputError(field: "chips", expected: "the number of accelerators, needed with `hours` or `days`",
                                 found: "nothing (or give `chip_hours`)")
            }
            computeMode = .wallClock
        } else if !flopKeys.isEmpty {
            if !given(.flops) {
                guard parameters != nil || given(.activeParameters) else {
                    throw InputError(field: "params", expected: "the parameter count with `tokens`", found: "nothing")
                }
                guard given(.tokens) else {
                    throw InputError(field: "tokens", expected: "the training token count with `params`", found: "nothing")
                }
            }
            guard let accelerator else {
                throw InputError(field: "hardware", expected: "an accelerator (its peak FLOP/s is needed to turn FLOPs into time)",
                                 found: "nothing")
            }
            computeMode = given(.flops) ? .flops : .parametersAndTokens
            // Planning prior (calibration v2): the effective utilisation published accelerator-hours imply, by
            // active parameters, accelerator generation and recipe; `--mfu` gives a known final-run MFU instead.
            builder.take(.mfu, values[.mfu], PlanningPrior.utilization(
                activeParameters: given(.flops) ? nil : active?.median, totalParameters: parameters?.median,
                releaseYear: accelerator.releaseYear, accelerator: accelerator.name, distilled: distilled))
        } else {
            throw InputError(field: "hours",
                             expected: "a duration (`hours`, `days` or `chip_hours`) or FLOP-based inputs (`params` and `tokens`, or `flops`)",
                             found: "none of them")
        }
        if given(.mfu), computeMode == .chipHours || computeMode == .wallClock {
            throw InputError(field: "mfu", expected: "MFU only with the FLOP-based path (`params`/`tokens` or `flops`)", found: "a duration")
        }
        for slot in [InputSlot.chipHours, .hours, .chips, .flops, .tokens] { builder.set(slot, values[slot]) }
        if let active { builder.set(.activeParameters, active) }

        // Power per chip: given; measured (catalog) prior; or TDP × utilization × overhead.
        let powerMode: FootprintPowerMode
        if let power = values[.powerW] {
            if given(.powerUtilization) || given(.hostOverhead) {
                throw InputError(field: given(.powerUtilization) ? "power_utilization" : "host_overhead",
                                 expected: "no utilization or overhead when `power` gives the average power per chip", found: "both")
            }
            powerMode = .perChip
            builder.set(.powerW, power)
        } else {
            guard let accelerator else {
                throw InputError(field: "power", expected: "an average power per chip (\"330 W\"), or `hardware` for its TDP", found: "neither")
            }
            if let measured = accelerator.measuredPowerW, !given(.powerUtilization), !given(.hostOverhead) {
                powerMode = .perChip
                builder.take(.powerW, nil, Defaults.measuredPower(measured, of: accelerator.name))
            } else {
                guard let tdp = accelerator.tdpW else {
                    throw InputError(field: "power", expected: "an average power per chip: \(accelerator.name) has no published TDP",
                                     found: "nothing")
                }
                powerMode = .fromTDP
                builder.set(.tdpW, .fixed(tdp))
                builder.take(.powerUtilization, values[.powerUtilization], Defaults.powerUtilization)
                builder.take(.hostOverhead, values[.hostOverhead], Defaults.hostOverhead)
            }
        }
        // The grid's catalog entry first: a cloud region carries its provider's published PUE.
        let gridEntry: Grid?
        switch grid {
        case .intensity: gridEntry = nil
        case .named(let name): gridEntry = try catalog.grid(named: name)
        case nil: gridEntry = try catalog.grid(named: Defaults.gridName)
        }
        builder.take(.pue, values[.pue], gridEntry?.providerPUEPrior ?? Defaults.pue)
        switch grid {
        case .intensity(let d): builder.set(.intensity, d)
        case .named: builder.take(.intensity, nil, Self.gridPrior(gridEntry!, defaulted: false))
        case nil: builder.take(.intensity, nil, Self.gridPrior(gridEntry!, defaulted: true))
        }

        let inferenceMode = try resolveInference(accelerator: accelerator, active: active, powerMode: powerMode, builder: &builder)
        if let d = values[.embodiedPerChip] {
            builder.set(.embodiedPerChip, d)
        } else {
            builder.take(.embodiedPerChip, nil, accelerator?.embodiedPrior ?? Defaults.embodiedPerChip)
        }
        builder.take(.developmentMultiplier, values[.developmentMultiplier], Defaults.developmentMultiplier)
        builder.take(.lifetime, values[.lifetime], Defaults.lifetime)
        builder.take(.inUse, values[.inUse], Defaults.inUse)
        builder.take(.wue, values[.wue], Defaults.wueOnsite)
        // The water intensity of the grid's country when a region is named (EcoLogits), else the US average.
        builder.take(.waterIntensity, values[.waterIntensity], gridEntry?.waterIntensityPrior ?? Defaults.waterIntensity)

        var template = FootprintVariables<Double>(computeMode: computeMode, powerMode: powerMode)
        template.inferenceMode = inferenceMode
        template.peakFlopsPerS = accelerator?.peakFlopsPerS ?? 0
        template.memoryBandwidthBytesPerS = accelerator.flatMap(InferencePrior.memoryBandwidth(of:)) ?? 0
        for (slot, value) in builder.fixed { template[slot] = value }

        var outputs: [OutputName] = [.energyKWh, .trainingEnergyKWh, .inferenceEnergyKWh, .itEnergyKWh, .co2eKg,
                                     .embodiedCO2eKg, .totalCO2eKg, .waterL, .chipHours]
        if computeMode == .flops || computeMode == .parametersAndTokens { outputs.append(.trainingFLOPs) }
        if given(.chips) { outputs.append(.wallClockHours) }
        if [.perQuery, .flopBased, .prefillDecode].contains(inferenceMode) { outputs.append(.energyPerQueryWh) }
        // Outputs that need no samples: structurally equal to another, or constant.
        var derived: [OutputName: Resolved.Derivation] = [:]
        if inferenceMode == .none {
            derived[.inferenceEnergyKWh] = .constant(0)
            derived[.trainingEnergyKWh] = .same(.energyKWh)
        }
        let uncertainSlots = Set(builder.uncertain.map(\.slot))
        if outputs.contains(.trainingFLOPs), uncertainSlots.isDisjoint(with: [.flops, .activeParameters, .tokens]),
           let flops = FootprintModel.evaluate(template).trainingFLOPs {
            derived[.trainingFLOPs] = .constant(flops)
        }
        // One evaluation at the medians serves the checks and the lifetime warning.
        var atMedians = template
        for (slot, d) in builder.uncertain { atMedians[slot] = d.median }
        let results = FootprintModel.evaluate(atMedians)
        try checkFinite(atMedians: atMedians, results: results, uncertain: builder.uncertain, fixed: builder.fixed, outputs: outputs)
        try Self.checkUnderflow(atMedians: atMedians, results: results, uncertain: builder.uncertain, fixed: builder.fixed, outputs: outputs)
        let correlation = try resolveCorrelation(builder.uncertain.map(\.slot))
        return Resolved(template: template, uncertain: builder.uncertain, correlation: correlation,
                        assumptions: builder.assumptions, outputs: outputs, sampled: outputs.filter { derived[$0] == nil },
                        derived: derived, accelerator: accelerator, grid: gridEntry,
                        lifetimeWarning: Estimate.lifetimeWarning(atMedians: atMedians, results: results))
    }

    /// A named grid's intensity: lognormal around the catalog value with the catalog's spread, its basis
    /// and spread terms in the source (fixed for a zero intensity).
    static func gridPrior(_ grid: Grid, defaulted: Bool) -> Assumption {
        if let prior = grid.intensityPrior(defaulted: defaulted) { return prior }
        let value = grid.intensityKgPerKwh, gsd = Defaults.gridGSD
        let d: Distribution = value > 0 ? .lognormal(median: value, gsd: gsd) : .fixed(value)
        return Assumption(input: "grid", distribution: d, unit: "kg/kWh",
                          source: "\(defaulted ? "no --grid: world average; " : "")\(grid.name) (\(grid.id)) \(grid.year), \(grid.source); "
                              + "spread gsd \(JSONValue.numberText(gsd)) for year-to-year and within-region variation")
    }

    /// The inputs of the prefill/decode serving model; any of them selects it.
    static let servingSlots: [InputSlot] = [.inputTokensPerQuery, .batchSize, .bytesPerParameter, .servingChips, .kvBytesPerToken,
                                            .prefillUtilization, .bandwidthUtilization, .decodeUtilization, .servingPowerUtilization]

    private func resolveInference(
        accelerator: Accelerator?, active: Distribution?, powerMode: FootprintPowerMode, builder: inout Builder
    ) throws(InputError) -> FootprintInferenceMode {
        let given = { (slot: InputSlot) in values[slot] != nil }
        let serving = Self.servingSlots.filter(given)
        if let share = values[.inferenceShare] {
            if given(.queries) || given(.energyPerQuery) || given(.tokensPerQuery) || !serving.isEmpty {
                throw InputError(field: "inference_share",
                                 expected: "either a share or bottom-up inference (`queries` with a per-query energy or tokens), not both",
                                 found: "both")
            }
            builder.set(.inferenceShare, share)
            return .share
        }
        guard let queries = values[.queries] else {
            if given(.energyPerQuery) || given(.tokensPerQuery) || !serving.isEmpty {
                throw InputError(field: "queries", expected: "the number of queries served, with `energy_per_query` or `tokens_per_query`",
                                 found: "nothing")
            }
            if given(.inferenceUtilization) {
                throw InputError(field: "inference_utilization", expected: "it only with `tokens_per_query`", found: "no FLOP-based inference")
            }
            return .none
        }
        builder.set(.queries, queries)
        switch (values[.energyPerQuery], values[.tokensPerQuery]) {
        case (let e?, nil):
            if let first = serving.first {
                throw InputError(field: first.rawValue, expected: "serving inputs only with `tokens_per_query` (not with `energy_per_query`)",
                                 found: "`energy_per_query`")
            }
            builder.set(.energyPerQuery, e)
            return .perQuery
        case (nil, let t?):
            guard active != nil else {
                throw InputError(field: "params", expected: "the model's (active) parameters, needed with `tokens_per_query`", found: "nothing")
            }
            guard let accelerator else {
                throw InputError(field: "hardware", expected: "an accelerator (its peak FLOP/s is needed with `tokens_per_query`)", found: "nothing")
            }
            builder.set(.tokensPerQuery, t)
            // The single-utilisation model when its utilisation is given; else prefill and decode.
            if given(.inferenceUtilization) {
                if let first = serving.first {
                    throw InputError(field: first.rawValue, expected: "either `inference_utilization` (one FLOP-based utilisation) or the "
                                     + "prefill/decode serving inputs, not both", found: "both")
                }
                builder.set(.inferenceUtilization, values[.inferenceUtilization])
                return .flopBased
            }
            guard accelerator.memoryBandwidthGbPerS != nil else {
                throw InputError(field: "hardware", expected: "an accelerator with a published memory bandwidth, for decode "
                                 + "(or give `inference_utilization` for the single-utilisation model)", found: "\(accelerator.name) (none published)")
            }
            try resolveServing(accelerator: accelerator, active: active!, powerMode: powerMode, builder: &builder)
            return .prefillDecode
        case (nil, nil):
            if let first = serving.first {
                throw InputError(field: first.rawValue, expected: "`tokens_per_query` (output tokens) with the serving inputs", found: "none")
            }
            throw InputError(field: "queries", expected: "`energy_per_query` or `tokens_per_query` with it", found: "neither")
        case (.some, .some):
            throw InputError(field: "tokens_per_query", expected: "either `energy_per_query` or `tokens_per_query`, not both", found: "both")
        }
    }

    /// The priors of the prefill/decode serving model (calibrated in `docs/calibration-v2.md`, section 4).
    private func resolveServing(accelerator: Accelerator, active: Distribution, powerMode: FootprintPowerMode,
                                builder: inout Builder) throws(InputError) {
        let total = parameters ?? active
        builder.set(.totalParameters, total)
        builder.take(.inputTokensPerQuery, values[.inputTokensPerQuery], Assumption(
            input: "input_tokens_per_query", distribution: .lognormal(p05: 100, p95: 2_000), unit: "",
            source: "chat prompts of 100 to 2,000 tokens (ML.ENERGY v3 chat workload; ShareGPT)"))
        builder.take(.batchSize, values[.batchSize], InferencePrior.batchSize)
        let bytes = values[.bytesPerParameter]
        builder.take(.bytesPerParameter, bytes, Assumption(input: "bytes_per_parameter", distribution: .fixed(2), unit: "",
                                                           source: "BF16 weights (1 for FP8)"))
        // Enough accelerators to hold the weights with a third more for the KV cache and activations.
        let memory = (accelerator.memoryGb ?? 80) * 1e9
        let chips = Swift.max(1, (total.median * (bytes?.median ?? 2) * 1.3 / memory).rounded(.up))
        if let given = values[.servingChips], let perChip = accelerator.memoryGb {
            try Self.checkWeightsFit(parameters: total.median, bytesPerParameter: bytes?.median ?? 2, chips: given.support.lower,
                                     memoryGb: perChip, accelerator: accelerator.name)
        }
        builder.take(.servingChips, values[.servingChips], Assumption(
            input: "serving_chips", distribution: .fixed(chips), unit: "",
            source: "enough \(accelerator.name) (\(JSONValue.numberText(memory / 1e9)) GB) for the weights, with 30% for KV cache and activations"))
        builder.take(.kvBytesPerToken, values[.kvBytesPerToken], InferencePrior.kvBytesPerToken)
        builder.take(.prefillUtilization, values[.prefillUtilization], InferencePrior.prefillUtilization)
        builder.take(.bandwidthUtilization, values[.bandwidthUtilization], InferencePrior.bandwidthUtilization)
        builder.take(.decodeUtilization, values[.decodeUtilization], InferencePrior.decodeUtilization)
        if powerMode == .fromTDP {
            let prior = InferencePrior.servingPowerFraction
            builder.take(.servingPowerUtilization, values[.servingPowerUtilization], Assumption(
                input: "serving_power_utilization", distribution: prior.distribution, unit: "", source: prior.source))
        } else if values[.servingPowerUtilization] != nil {
            throw InputError(field: "serving_power_utilization", expected: "no serving utilisation when `power` gives the power per chip",
                             found: "both")
        }
    }

    /// Refuses inputs whose outputs overflow (or are undefined) at the inputs' medians, before any sampling:
    /// the error names the output and the inputs of extreme magnitude that can cause it (`--mfu 1e-300`
    /// makes `energy_kwh` infinite), else the given inputs that overflow it together (``jointOverflowCauses(of:at:sampled:)``:
    /// `--params 1e90 --tokens 1e90`). Overflows only in the tails are caught by the engine, with the same message.
    /// - Parameters:
    ///   - atMedians: Every input, the sampled ones at their medians.
    ///   - results: The model's outputs there.
    ///   - uncertain: The sampled inputs, to name the causes.
    ///   - fixed: The fixed inputs, to name the causes.
    ///   - outputs: The outputs reported.
    /// - Throws: ``InputError/overflow(output:causes:fallback:)`` for the first output that is not finite.
    func checkFinite(atMedians: FootprintVariables<Double>, results: FootprintResults<Double>,
                     uncertain: [(slot: InputSlot, distribution: Distribution)], fixed: [(InputSlot, Double)],
                     outputs: [OutputName]) throws(InputError) {
        guard let output = outputs.first(where: { !results[$0].isFinite }) else { return }
        let (inputs, units) = Self.namedInputs(fixed: fixed, uncertain: uncertain)
        var causes = InputError.extremeInputs(inputs, units: units, growthFallback: false)
        if causes.isEmpty { causes = jointOverflowCauses(of: output, at: atMedians, sampled: .medians) }
        throw InputError.overflow(output: output.rawValue, causes: causes, fallback: Self.overflowFallback)
    }

    /// What an estimate's overflow says when no input can be named: it has no growth factors or years.
    static let overflowFallback = "check the magnitudes of the inputs given"

    /// Where ``jointOverflowCauses(of:at:sampled:)`` evaluates the sampled inputs.
    enum SampledPoint {
        /// Each at its median (`` `tokens` with median 1e+90 ``).
        case medians
        /// Each at the quantile, 10⁻⁶ or 1 − 10⁻⁶, farther from 1 in magnitude (`` `tokens` reaching 1e+95 ``).
        case extremes
    }

    /// The inputs given that together overflow `output` at `point`, none of them extreme alone (`--params 1e90
    /// --tokens 1e95`: each below 10¹⁰⁰, their product is not). An output overflows when its square does (above
    /// 1.3 × 10¹⁵⁴), as the engine's sd and mcse need it not to. The causes are the inputs whose value set to 1 (−1
    /// when negative) brings it back there; when no one input is enough, those farthest from 1 in magnitude, as many
    /// as it takes together. Each is named farthest from 1 first, as `` `key` = 1e+90 `` (fixed) or
    /// `` `key` with median 1e+90 `` / `` `key` reaching 1e+95 `` (sampled), with the unit it is named in.
    /// - Parameters:
    ///   - output: The output that overflows.
    ///   - point: Every input of the model, fixed and sampled.
    ///   - sampled: Where `point` holds the sampled inputs, for their descriptions.
    /// - Returns: At most five descriptions, each with the key in backticks; empty when `output` does not overflow at
    ///   `point`, or still does with every input given set to 1.
    func jointOverflowCauses(of output: OutputName, at point: FootprintVariables<Double>, sampled: SampledPoint) -> [String] {
        func overflows(_ x: FootprintVariables<Double>) -> Bool {
            let y = FootprintModel.evaluate(x)[output]
            return !(y * y).isFinite
        }
        guard overflows(point) else { return [] }
        var candidates: [(distance: Double, slots: [InputSlot], unit: Double, text: String)] = []
        for input in givenInputs {
            // `params` sets the active parameters too when they are not given apart (and only they are used in training).
            let slots = input.slot == .totalParameters && values[.activeParameters] == nil ? [.activeParameters, .totalParameters] : [input.slot]
            guard let value = slots.lazy.map({ point[$0] }).first(where: { $0 != 0 }), value.isFinite, abs(value) != 1 else { continue }
            let shown = Distribution.compact(value) + (input.slot.namedUnit.isEmpty ? "" : " \(input.slot.namedUnit)")
            let relation = input.distribution.isFixed ? "=" : sampled == .medians ? "with median" : "reaching"
            candidates.append((abs(log10(abs(value))), slots.filter { point[$0] != 0 }, value < 0 ? -1 : 1, "`\(input.name)` \(relation) \(shown)"))
        }
        candidates.sort { $0.distance > $1.distance }
        func lowered(_ x: FootprintVariables<Double>, _ c: (distance: Double, slots: [InputSlot], unit: Double, text: String)) -> FootprintVariables<Double> {
            var x = x
            for slot in c.slots { x[slot] = c.unit }
            return x
        }
        let alone = candidates.filter { !overflows(lowered(point, $0)) }
        if !alone.isEmpty { return alone.prefix(5).map(\.text) }
        var x = point
        for (n, c) in candidates.enumerated() {
            x = lowered(x, c)
            if !overflows(x) { return candidates.prefix(Swift.min(n + 1, 5)).map(\.text) }
        }
        return []
    }

    /// Every input given, by slot: the spec's own, a grid given as an intensity (`grid`, the spec's grid choice, not
    /// one of its slots), and the total parameters (`params`, the active ones when none are given).
    var givenInputs: [(name: String, distribution: Distribution, slot: InputSlot)] {
        var given = InputSlot.allCases.compactMap { slot in values[slot].map { (name: slot.rawValue, distribution: $0, slot: slot) } }
        if case .intensity(let d) = grid, values[.intensity] == nil { given.append((name: InputSlot.intensity.rawValue, distribution: d, slot: .intensity)) }
        if let p = parameters, values[.totalParameters] == nil { given.append((name: InputSlot.totalParameters.rawValue, distribution: p, slot: .totalParameters)) }
        return given
    }

    /// Every input, fixed or sampled, as ``InputError/extremeInputs(_:units:growthFallback:)`` names causes from
    /// them, with the unit each is named in (``InputSlot/namedUnit``: `chip-h` for chip-hours).
    private static func namedInputs(fixed: [(InputSlot, Double)], uncertain: [(slot: InputSlot, distribution: Distribution)])
        -> (inputs: [(name: String, distribution: Distribution)], units: [String: String]) {
        let inputs = fixed.map { (name: $0.0.rawValue, distribution: Distribution.fixed($0.1)) }
            + uncertain.map { (name: $0.slot.rawValue, distribution: $0.distribution) }
        let units = Dictionary((fixed.map(\.0) + uncertain.map(\.slot)).map { ($0.rawValue, $0.namedUnit) }, uniquingKeysWith: { a, _ in a })
        return (inputs, units)
    }

    /// Refuses inputs whose outputs underflow at the inputs' medians, before any sampling
    /// (``InputError/underflow(output:value:unit:causes:)``): an output nonzero but below 10⁻¹⁰⁰ in magnitude, or
    /// 0 only because of an input below 10⁻¹⁰⁰ (it is nonzero with every such input raised to 1; an output 0
    /// for a reason of its own, such as no inference, stays 0). `--grid "1e-300 kg/kWh"` makes `co2e_kg` 6.75e-292 kg.
    /// - Parameters:
    ///   - atMedians: Every input, the sampled ones at their medians.
    ///   - results: The model's outputs there.
    ///   - uncertain: The sampled inputs, to name the causes.
    ///   - fixed: The fixed inputs, to name the causes.
    ///   - outputs: The outputs reported.
    /// - Throws: ``InputError/underflow(output:value:unit:causes:)`` for the first output that underflows.
    static func checkUnderflow(atMedians: FootprintVariables<Double>, results: FootprintResults<Double>,
                               uncertain: [(slot: InputSlot, distribution: Distribution)], fixed: [(InputSlot, Double)],
                               outputs: [OutputName]) throws(InputError) {
        let small = InputError.extremeMagnitudes.small
        var raised = atMedians
        let tiny = (fixed.map(\.0) + uncertain.map(\.slot)).filter { atMedians[$0] != 0 && abs(atMedians[$0]) < small }
        for slot in tiny { raised[slot] = atMedians[slot] < 0 ? -1 : 1 }
        let lifted = tiny.isEmpty ? nil : FootprintModel.evaluate(raised)
        guard let output = outputs.first(where: { name in
            let y = results[name]
            return (y != 0 && abs(y) < small) || (y == 0 && (lifted.map { $0[name] != 0 && !$0[name].isNaN } ?? false))
        }) else { return }
        let (inputs, units) = namedInputs(fixed: fixed, uncertain: uncertain)
        throw InputError.underflow(output: output.rawValue, value: results[output], unit: output.baseUnit,
                                   causes: InputError.extremeInputs(inputs, units: units, growthFallback: false))
    }

    /// Refuses a serving group too small to hold the model's weights: `parameters × bytes per parameter`
    /// must fit in `chips × memory` (the KV cache and activations need more on top, so this is a floor).
    /// - Parameters:
    ///   - parameters: Total parameters (their median when uncertain).
    ///   - bytesPerParameter: Bytes per weight (median).
    ///   - chips: The smallest serving-group size the input allows.
    ///   - memoryGb: Memory per accelerator, GB.
    ///   - accelerator: The accelerator's name, for the message.
    /// - Throws: ``InputError`` for `serving_chips`, naming the memory needed and available.
    static func checkWeightsFit(parameters: Double, bytesPerParameter: Double, chips: Double, memoryGb: Double,
                                accelerator: String) throws(InputError) {
        let neededGb = parameters * bytesPerParameter / 1e9
        guard neededGb > chips * memoryGb else { return }
        func gb(_ x: Double) -> String { JSONValue.numberText((x * 10).rounded() / 10) }
        let least = (neededGb / memoryGb).rounded(.up)
        throw InputError(field: "serving_chips",
                         expected: "enough accelerators to hold the weights: \(ReadableQuantity.format(parameters, .count)) parameters × "
                             + "\(JSONValue.numberText(bytesPerParameter)) bytes = \(gb(neededGb)) GB needs at least "
                             + "\(JSONValue.numberText(least)) \(accelerator) (\(gb(memoryGb)) GB each)",
                         found: "\(JSONValue.numberText(chips)) (\(gb(chips * memoryGb)) GB)")
    }

    private func resolveCorrelation(_ slots: [InputSlot]) throws(InputError) -> RankCorrelation? {
        guard !correlations.isEmpty else { return nil }
        return try RankCorrelation.declared(correlations) { name, location throws(InputError) in
            guard var slot = InputSlot(rawValue: name) else {
                throw InputError(field: "correlations", expected: "an input key (\(InputSlot.allCases.map(\.rawValue).joined(separator: ", ")))",
                                 found: "\"\(name)\"", location: location)
            }
            // `params` of a dense model is sampled as its active parameters (the column the FLOPs read): a
            // correlation on it was refused as "fixed or not used" while it was uncertain.
            if slot == .totalParameters, !slots.contains(.totalParameters), self[.activeParameters] == nil, slots.contains(.activeParameters) {
                slot = .activeParameters
            }
            guard let column = slots.firstIndex(of: slot) else {
                throw InputError(field: "correlations", expected: "an uncertain input (one with a distribution)",
                                 found: "\"\(name)\", which is fixed or not used", location: location)
            }
            return column
        }
    }

    /// Collects fixed values, uncertain inputs and assumptions while resolving.
    private struct Builder {
        var fixed: [(InputSlot, Double)] = []
        var uncertain: [(slot: InputSlot, distribution: Distribution)] = []
        var assumptions: [Assumption] = []

        mutating func set(_ slot: InputSlot, _ d: Distribution?) {
            guard let d else { return }
            if case .fixed(let v) = d { fixed.append((slot, v)) } else { uncertain.append((slot, d)) }
        }

        mutating func take(_ slot: InputSlot, _ given: Distribution?, _ fallback: Assumption) {
            if let given { set(slot, given); return }
            assumptions.append(fallback)
            set(slot, fallback.distribution)
        }
    }
}

import Foundation
