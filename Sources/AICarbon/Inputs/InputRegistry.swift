/// Every numeric input AICarbon takes, once: the one vocabulary of estimates, projections, scenario
/// files and command-line flags.
///
/// Adding an input means adding its ``InputDefinition`` here and using it in the model; the compiler
/// (``InputSlot/definition`` is an exhaustive switch) and `InputRegistryTests` catch the places left
/// out.
public enum InputRegistry {
    // Training compute (estimates).
    static let chipHours = InputDefinition("chip_hours", .count, .positive, scopes: .estimate, countUnit: "chip-h",
                                           "accelerator-hours (chips × hours)")
    static let hours = InputDefinition("hours", .duration, .positive, unit: "h", scopes: .estimate, "wall-clock duration of the run")
    static let days = InputDefinition("days", .duration, .positive, unit: "d", scopes: .estimate, "wall-clock duration of the run, in days")
    static let chips = InputDefinition("chips", .count, .positiveInteger, scopes: .estimate, "number of accelerators")
    static let flops = InputDefinition("flops", .flops, .positive, scopes: .estimate, "training FLOPs of the final run")
    static let params = InputDefinition("params", .count, .positive, scopes: .estimate, "total parameters")
    static let activeParams = InputDefinition("active_params", .count, .positive, "active parameters per token")
    static let tokens = InputDefinition("tokens", .count, .positive, scopes: .estimate, "training tokens")
    static let mfu = InputDefinition("mfu", .dimensionless, .unitInterval, "model FLOP utilization while training")
    static let developmentMultiplier = InputDefinition("development_multiplier", .dimensionless, .atLeastOne, scopes: .estimate,
                                                       "compute multiplier for experiments and failed runs")
    // Power and facility.
    static let power = InputDefinition("power", .power, .positive, unit: "W", scopes: .estimate, "average power per chip, host share included")
    static let tdp = InputDefinition("tdp", .power, .positive, unit: "W", flag: "--hardware", scopes: [], "TDP of the catalog accelerator")
    static let powerUtilization = InputDefinition("power_utilization", .dimensionless, .unitInterval, "average accelerator power / TDP")
    static let hostOverhead = InputDefinition("host_overhead", .dimensionless, .atLeastOne, "multiplier for host CPU, memory and network")
    static let pue = InputDefinition("pue", .dimensionless, .atLeastOne, "power usage effectiveness")
    static let grid = InputDefinition("grid", .carbonIntensity, .nonNegative, "grid carbon intensity (or a region name)")
    // Inference.
    static let queries = InputDefinition("queries", .count, .nonNegative, "queries served")
    static let energyPerQuery = InputDefinition("energy_per_query", .energy, .positive, unit: "Wh", scopes: .estimate,
                                                "facility energy per query, PUE included")
    static let tokensPerQuery = InputDefinition("tokens_per_query", .count, .positive, "tokens per query (output tokens)")
    static let outputTokensPerQuery = InputDefinition("output_tokens_per_query", .count, .positive, scopes: .estimate,
                                                      "output (decode) tokens per query, the same as tokens_per_query")
    static let inputTokensPerQuery = InputDefinition("input_tokens_per_query", .count, .nonNegative, scopes: .estimate,
                                                     "input (prefill) tokens per query")
    static let batchSize = InputDefinition("batch_size", .count, .atLeastOne, scopes: .estimate, "sequences served together in a batch")
    static let bytesPerParameter = InputDefinition("bytes_per_parameter", .dimensionless, .positive, scopes: .estimate,
                                                   "bytes per weight while serving (2 for BF16, 1 for FP8)")
    static let servingChips = InputDefinition("serving_chips", .count, .positiveInteger, scopes: .estimate,
                                              "accelerators of one serving group holding the weights")
    static let kvBytesPerToken = InputDefinition("kv_bytes_per_token", .count, .nonNegative, scopes: .estimate,
                                                 "KV-cache bytes per token of context")
    static let prefillUtilization = InputDefinition("prefill_utilization", .dimensionless, .unitInterval, scopes: .estimate,
                                                    "achieved / peak FLOP/s in prefill")
    static let bandwidthUtilization = InputDefinition("bandwidth_utilization", .dimensionless, .unitInterval, scopes: .estimate,
                                                      "achieved / peak memory bandwidth in decode")
    static let decodeUtilization = InputDefinition("decode_utilization", .dimensionless, .unitInterval, scopes: .estimate,
                                                   "achieved / peak FLOP/s of batched decode")
    static let servingPowerUtilization = InputDefinition("serving_power_utilization", .dimensionless, .unitInterval, scopes: .estimate,
                                                         "average accelerator power / TDP while serving")
    static let inferenceUtilization = InputDefinition("inference_utilization", .dimensionless, .unitInterval,
                                                      "achieved / peak FLOP/s while serving")
    static let inferenceShare = InputDefinition("inference_share", .dimensionless, .share, "inference share of lifetime energy")
    // Embodied and water.
    static let embodiedPerChip = InputDefinition("embodied_per_chip", .mass, .nonNegative, unit: "kg",
                                                 "embodied emissions per accelerator incl. server share")
    static let lifetime = InputDefinition("lifetime", .duration, .positive,
                                          "calendar service life of an accelerator; embodied emissions are amortised over its hours in use (in_use of it)")
    static let inUse = InputDefinition("in_use", .dimensionless, .unitInterval,
                                       "share of an accelerator's calendar lifetime in use (0.85 by default)")
    static let wue = InputDefinition("wue", .waterIntensity, .nonNegative, unit: "L/kWh", "on-site water usage effectiveness")
    static let waterIntensity = InputDefinition("water_intensity", .waterIntensity, .nonNegative, unit: "L/kWh",
                                                "water consumed per kWh of electricity generated")
    // Projections.
    static let baseElectricity = InputDefinition("base_electricity", .energy, .positive, scopes: .projection,
                                                 "data-centre electricity in the start year")
    static let aiShare = InputDefinition("ai_share", .dimensionless, .unitInterval, scopes: .projection,
                                         "AI (accelerated) servers' share of base_electricity")
    static let growth: [InputDefinition] = [
        ("ai_growth", "annual growth factor of AI servers' electricity"),
        ("conventional_growth", "annual growth factor of conventional servers' electricity"),
        ("efficiency_gain", "annual efficiency gain of the AI service (for rebound)"),
        ("training_compute_growth", "annual growth factor of training compute"),
        ("queries_growth", "annual growth factor of queries"),
        ("tokens_per_query_growth", "annual growth factor of tokens per query"),
        ("active_params_growth", "annual growth factor of active parameters"),
        ("flop_per_joule_growth", "annual improvement factor of hardware FLOP per joule"),
        ("training_params_growth", "annual growth factor of training-run parameters"),
    ].map { InputDefinition($0.0, .dimensionless, .positive, scopes: .projection, yearPath: true, $0.1) }
    static let trainingCompute = InputDefinition("training_compute", .flops, .positive, scopes: .projection, "training FLOPs per run in the start year")
    static let trainingRuns = InputDefinition("training_runs", .count, .positive, scopes: .projection, "training runs per year")
    static let trainingParams = InputDefinition("training_params", .count, .positive, scopes: .projection, "parameters per training run in the start year")
    static let tokensPerParam = InputDefinition("tokens_per_param", .dimensionless, .positive, scopes: .projection, "training tokens per parameter")
    static let pueTarget = InputDefinition("pue_target", .dimensionless, .atLeastOne, scopes: .projection, "PUE reached by pue_target_year")
    static let pueDecline = InputDefinition("pue_decline", .dimensionless, .share, scopes: .projection, "annual decline of PUE")
    static let puePoints = InputDefinition("pue_points", .dimensionless, .atLeastOne, scopes: .projection, yearPath: true, "PUE by year")
    static let gridDecline = InputDefinition("grid_decline", .dimensionless, .share, scopes: .projection, "annual decline of grid intensity")
    static let gridTarget = InputDefinition("grid_target", .carbonIntensity, .nonNegative, scopes: .projection,
                                            "grid intensity reached by grid_target_year")
    static let gridPoints = InputDefinition("grid_points", .carbonIntensity, .nonNegative, scopes: .projection, yearPath: true,
                                            "grid intensity by year")
    static let gridMarket = InputDefinition("grid_market", .carbonIntensity, .nonNegative, scopes: .projection, "market-based intensity")
    static let gridMarketPoints = InputDefinition("grid_market_points", .carbonIntensity, .nonNegative, scopes: .projection, yearPath: true,
                                                  "market-based intensity by year")
    static let elasticity = InputDefinition("elasticity", .dimensionless, .real, scopes: .projection, "price elasticity of demand (rebound)")
    static let growthNoise = InputDefinition("growth_noise", .dimensionless, .nonNegative, scopes: .projection,
                                             "year-to-year noise on growth (sd of log factor)")

    /// Every definition, in documentation order.
    public static let all: [InputDefinition] = [
        chipHours, hours, days, chips, flops, params, activeParams, tokens, mfu, developmentMultiplier, power, tdp, powerUtilization,
        hostOverhead, pue, grid, queries, energyPerQuery, tokensPerQuery, outputTokensPerQuery, inputTokensPerQuery, batchSize,
        bytesPerParameter, servingChips, kvBytesPerToken, prefillUtilization, bandwidthUtilization, decodeUtilization,
        servingPowerUtilization, inferenceUtilization, inferenceShare, embodiedPerChip,
        lifetime, inUse, wue, waterIntensity, baseElectricity, aiShare,
    ] + growth + [
        trainingCompute, trainingRuns, trainingParams, tokensPerParam, pueTarget, pueDecline, puePoints, gridDecline, gridTarget,
        gridPoints, gridMarket, gridMarketPoints, elasticity, growthNoise,
    ]

    private static let byKey: [String: InputDefinition] = Dictionary(uniqueKeysWithValues: all.map { ($0.key, $0) })

    /// The definition of a scenario key, if it is an input.
    /// - Parameter key: A scenario key (`pue`).
    /// - Returns: Its definition, or `nil`.
    public static func definition(_ key: String) -> InputDefinition? { byKey[key] }

    /// The command-line flag of an input or setting name (`power_utilization` → `--power-utilization`,
    /// `tdp` → `--hardware`); a name that is not registered gets dashes for underscores.
    /// - Parameter name: A scenario key or setting name.
    /// - Returns: The flag.
    public static func flag(for name: String) -> String {
        byKey[name]?.flag ?? "--" + name.replacingAll("_", with: "-")
    }
}
