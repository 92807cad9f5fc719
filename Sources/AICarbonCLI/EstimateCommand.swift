import AICarbon
import ArgumentParser

/// `aicarbon estimate`: one training run (and optionally its inference) from flags.
public struct EstimateCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "estimate",
        abstract: "Footprint of one model: training by accelerator time or by FLOPs, plus inference.",
        discussion: """
            Duration: --hours or --days with --chips, or --chip-hours alone. Or FLOP-based: --params and \
            --tokens (6 × active params × tokens), or --flops, with --hardware for its peak FLOP/s.
            Example (GPT-3, Patterson et al. 2021):
              aicarbon estimate --chips 10000 --days 14.8 --power "330 W" --pue 1.10 --grid "0.429 kg/kWh"
            """)

    @Option(help: "Catalog accelerator (TDP, peak FLOP/s, embodied), e.g. h100, \"A100 80GB\", v100.")
    var hardware: String?
    @Option(parsing: .unconditional, help: "Number of accelerators (a whole number).")
    var chips: String?
    @Option(parsing: .unconditional, help: "Wall-clock hours (\"79.2\", \"79.2 h\").")
    var hours: String?
    @Option(parsing: .unconditional, help: "Wall-clock days (\"14.8\").")
    var days: String?
    @Option(name: .customLong("chip-hours"), parsing: .unconditional, help: "Accelerator-hours (chips × hours), e.g. \"1,022,362\".")
    var chipHours: String?
    @Option(parsing: .unconditional, help: "Parameters (\"70B\").")
    var params: String?
    @Option(parsing: .unconditional, help: "Training tokens (\"2T\").")
    var tokens: String?
    @Option(name: .customLong("active-params"), parsing: .unconditional, help: "Active parameters per token (mixture-of-experts).")
    var activeParams: String?
    @Option(parsing: .unconditional, help: "Training FLOPs (\"3.14e23\"), instead of --params and --tokens.")
    var flops: String?
    @Option(parsing: .unconditional, help: "Model FLOP utilization, FLOP-based path only (\"0.4\", \"40%\"); else the planning prior.")
    var mfu: String?
    @Option(help: "Training recipe for the planning prior: scratch (default) or distilled (pruned and distilled from a larger model).")
    var recipe: String?
    @Option(parsing: .unconditional, help: "Average power per chip, host share included (\"330 W\").")
    var power: String?
    @Option(name: .customLong("power-utilization"), parsing: .unconditional, help: "Average accelerator power / TDP.")
    var powerUtilization: String?
    @Option(name: .customLong("host-overhead"), parsing: .unconditional, help: "Multiplier (≥ 1) for host CPU, memory and network.")
    var hostOverhead: String?
    @Option(parsing: .unconditional, help: "Power usage effectiveness (≥ 1).")
    var pue: String?
    @Option(parsing: .unconditional, help: "Region (USA, FRA, France, US-CA, gcp:us-central1, WORLD) or intensity (\"0.429 kg/kWh\").")
    var grid: String?
    @Option(name: .customLong("development-multiplier"), parsing: .unconditional, help: "Compute multiplier (≥ 1) for experiments and failed runs.")
    var developmentMultiplier: String?
    @Option(parsing: .unconditional, help: "Queries served over the model's life (\"1B\").")
    var queries: String?
    @Option(name: .customLong("energy-per-query"), parsing: .unconditional, help: "Facility energy per query, PUE included (\"0.24 Wh\").")
    var energyPerQuery: String?
    @Option(name: .customLong("tokens-per-query"), parsing: .unconditional, help: "Tokens per query (FLOP-based inference).")
    var tokensPerQuery: String?
    @Option(name: .customLong("output-tokens-per-query"), parsing: .unconditional, help: "Output (decode) tokens per query; the same as --tokens-per-query.")
    var outputTokensPerQuery: String?
    @Option(name: .customLong("input-tokens-per-query"), parsing: .unconditional, help: "Input (prefill) tokens per query (prior: 100 to 2,000).")
    var inputTokensPerQuery: String?
    @Option(name: .customLong("batch-size"), parsing: .unconditional, help: "Sequences served together (prior: loguniform(8, 128)).")
    var batchSize: String?
    @Option(name: .customLong("bytes-per-parameter"), parsing: .unconditional, help: "Bytes per weight while serving: 2 (BF16, default), 1 (FP8).")
    var bytesPerParameter: String?
    @Option(name: .customLong("serving-chips"), parsing: .unconditional, help: "Accelerators of one serving group (default: enough for the weights).")
    var servingChips: String?
    @Option(name: .customLong("kv-bytes-per-token"), parsing: .unconditional, help: "KV-cache bytes per token of context (prior: 100 kB to 600 kB).")
    var kvBytesPerToken: String?
    @Option(name: .customLong("prefill-utilization"), parsing: .unconditional, help: "Achieved / peak FLOP/s in prefill (prior: 0.2 to 0.6).")
    var prefillUtilization: String?
    @Option(name: .customLong("bandwidth-utilization"), parsing: .unconditional, help: "Achieved / peak memory bandwidth in decode (prior: 0.3 to 0.8).")
    var bandwidthUtilization: String?
    @Option(name: .customLong("decode-utilization"), parsing: .unconditional, help: "Achieved / peak FLOP/s of batched decode (prior: 0.1 to 0.5).")
    var decodeUtilization: String?
    @Option(name: .customLong("serving-power-utilization"), parsing: .unconditional, help: "Accelerator power / TDP while serving (prior: pert(0.45, 0.7, 0.95)).")
    var servingPowerUtilization: String?
    @Option(name: .customLong("inference-utilization"), parsing: .unconditional, help: "One achieved / peak FLOP/s for serving: the single-utilisation model instead of prefill/decode.")
    var inferenceUtilization: String?
    @Option(name: .customLong("inference-share"), parsing: .unconditional, help: "Inference share of lifetime energy, in [0, 1) (\"0.8\").")
    var inferenceShare: String?
    @Option(name: .customLong("embodied-per-chip"), parsing: .unconditional, help: "Embodied emissions per accelerator incl. server share (\"462.5 kg\").")
    var embodiedPerChip: String?
    @Option(parsing: .unconditional, help: "Accelerator service life in calendar years (\"6 years\"); embodied emissions are amortised over the hours in use, --in-use of it (default prior: pert(3, 5, 6) years).")
    var lifetime: String?
    @Option(name: .customLong("in-use"), parsing: .unconditional, help: "Share of the service life an accelerator is in use, in (0, 1] (\"0.95\", \"60% to 95%\"; default 0.85).")
    var inUse: String?
    @Option(parsing: .unconditional, help: "On-site water usage effectiveness (\"0.55 L/kWh\").")
    var wue: String?
    @Option(name: .customLong("water-intensity"), parsing: .unconditional, help: "Water consumed per kWh generated (\"3.14 L/kWh\").")
    var waterIntensity: String?
    @Option(help: "Output format: table, json or csv.")
    var format: FormatOption = .table
    @Option(help: "Which input drives the spread: rank, tornado or sobol (see `aicarbon sensitivity --help`).")
    var sensitivity: String?
    @Option(name: .customLong("sensitivity-output"), help: "Output whose sensitivity is shown (default co2e_kg).")
    var sensitivityOutput: String?
    @OptionGroup var simulation: SimulationOptions
    @OptionGroup var chart: PlotOptions
    @OptionGroup var outputFile: OutputFileOption

    public init() {}

    public func run() throws {
        let destination = outputFile.destination
        try destination.check(plot: chart.plot)
        try chart.check()
        let (report, sensitivity) = try FlagNames.run(days: days != nil) {
            let method = try sensitivityMethod()
            let catalog = try Catalog.bundled()
            let bar = ProgressBar()
            defer { bar.finish() }
            let report = try Estimate.run(spec(), catalog: catalog, settings: simulation.settings(),
                                          percentiles: simulation.extraPercentiles(), progress: { bar.update($0) })
            try chart.write(available: report.outputs.map(\.0)) { report.rendered(by: SVGRenderer(output: $0)) }
            return (report, try sensitivityReport(method, catalog: catalog))
        }
        try destination.write(sensitivity.map { SensitivityRendering.estimate(report, with: $0, format.format) } ?? report.rendered(format.format))
        RunWarnings.emit(report.warnings + (sensitivity?.warnings ?? []), shown: format.format == .table && destination.isStandardOutput)
    }

    /// The flags parsed into an ``EstimateSpec``; every numeric flag goes through
    /// ``DistributionParser/parse(_:field:location:)`` and so accepts a distribution.
    func spec() throws(InputError) -> EstimateSpec {
        if hours != nil, days != nil {
            throw InputError(field: "--days", expected: "one duration: --hours, --days or --chip-hours", found: "--hours and --days")
        }
        var s = EstimateSpec()
        func set(_ slot: InputSlot, _ text: String?, _ field: NumericField? = nil) throws(InputError) {
            guard let text else { return }
            s[slot] = try DistributionParser.parse(text, field: field ?? slot.field())
        }
        s.hardware = hardware
        if let recipe { s.distilled = try ScenarioFile.recipe(recipe, field: "--recipe") }
        try set(.chips, chips)
        try set(.hours, hours)
        try set(.hours, days, InputRegistry.definition("days")!.field(named: "--days"))
        try set(.chipHours, chipHours)
        if let params { s.parameters = try DistributionParser.parse(params, field: InputRegistry.definition("params")!.field(named: "--params")) }
        try set(.tokens, tokens)
        try set(.activeParameters, activeParams)
        try set(.flops, flops)
        try set(.mfu, mfu)
        try set(.powerW, power)
        try set(.powerUtilization, powerUtilization)
        try set(.hostOverhead, hostOverhead)
        try set(.pue, pue)
        s.grid = try grid.map { text throws(InputError) in try GridChoice(parsing: text, field: "--grid") }
        try set(.developmentMultiplier, developmentMultiplier)
        try set(.queries, queries)
        try set(.energyPerQuery, energyPerQuery)
        try set(.tokensPerQuery, tokensPerQuery)
        if tokensPerQuery != nil, outputTokensPerQuery != nil {
            throw InputError(field: "--output-tokens-per-query", expected: "either --tokens-per-query or --output-tokens-per-query (the same input)",
                             found: "both")
        }
        try set(.tokensPerQuery, outputTokensPerQuery, InputRegistry.definition("output_tokens_per_query")!.field(named: "--output-tokens-per-query"))
        try set(.inputTokensPerQuery, inputTokensPerQuery)
        try set(.batchSize, batchSize)
        try set(.bytesPerParameter, bytesPerParameter)
        try set(.servingChips, servingChips)
        try set(.kvBytesPerToken, kvBytesPerToken)
        try set(.prefillUtilization, prefillUtilization)
        try set(.bandwidthUtilization, bandwidthUtilization)
        try set(.decodeUtilization, decodeUtilization)
        try set(.servingPowerUtilization, servingPowerUtilization)
        try set(.inferenceUtilization, inferenceUtilization)
        try set(.inferenceShare, inferenceShare)
        try set(.embodiedPerChip, embodiedPerChip)
        try set(.lifetime, lifetime)
        try set(.inUse, inUse)
        try set(.wue, wue)
        try set(.waterIntensity, waterIntensity)
        return s
    }
}
