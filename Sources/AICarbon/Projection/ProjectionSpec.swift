import Foundation

/// A multi-year scenario as given (from a scenario file with `kind: projection`): every driver a fixed
/// value or a distribution, growth drivers optionally as `{year: factor}` paths, levels (PUE, grid) as a
/// start value with a decline rate, a target, or explicit points.
public struct ProjectionSpec: Sendable {
    /// First year.
    public var startYear: Int
    /// Last year (inclusive).
    public var endYear: Int
    /// Catalog accelerator (bottom-up mode).
    public var hardware: String?
    /// Grid in the start year.
    public var grid: GridChoice?
    /// Scalar drivers by key.
    public var scalars: [String: Distribution] = [:]
    /// Year-indexed drivers by key (growth paths and level points).
    public var paths: [String: [(year: Int, value: Distribution)]] = [:]
    /// Rank correlations between uncertain drivers (by column name).
    public var correlations: [EstimateSpec.Correlation] = []
    /// Where each key was written, for errors.
    public var locations: [String: InputLocation] = [:]
    /// Published figures to show beside the results (`references:`).
    public var references: [ReferencePoint] = []

    /// Creates an empty spec for the years `startYear...endYear`.
    public init(startYear: Int, endYear: Int) {
        self.startYear = startYear
        self.endYear = endYear
    }

    /// The keys a projection accepts (``InputRegistry`` entries with the projection scope, but `grid`,
    /// which is a region or an intensity), with how each value is parsed and whether `{year: value}`
    /// is allowed.
    public static let keys: [String: (field: NumericField, path: Bool)] = Dictionary(uniqueKeysWithValues:
        InputRegistry.all.filter { $0.scopes.contains(.projection) && $0.key != "grid" }.map { ($0.key, ($0.field(), $0.yearPath)) })

    /// The start years accepted: 2015 to 2035. The base-year inputs come from data of that era (the
    /// accelerator catalog from 2016 on, grid intensities and water of 2023, PUE and utilisation priors of
    /// 2020s practice), so a start year far from it (`start_year: 1990`) would apply today's data to
    /// another time; it is refused rather than silently projected.
    public static let startYears = 2015...2035

    /// Keys that take a whole year, not a quantity.
    public static let yearKeys = ["start_year", "end_year", "pue_target_year", "grid_target_year"]

    /// The spec resolved into a model.
    public struct Resolved: Sendable {
        /// The model, ready for the engine.
        var model: ProjectionModel
        /// Sampled columns (name, distribution).
        public var columns: [(name: String, distribution: Distribution)]
        /// Rank correlations among the columns.
        public var correlation: RankCorrelation?
        /// Defaults used.
        public var assumptions: [Assumption]
        /// The years projected.
        public var years: [Int] { model.years }
        /// The outputs per year.
        public var outputs: [OutputName] { model.outputs }

        /// The projection as the engine runs it: the sampled drivers, the model, and every output in
        /// every year (column `t × outputs + o`).
        public var problem: SimulationProblem {
            let m = outputs.count
            let inputs = columns.map { name, distribution in
                SimulationProblem.Input(name: name, distribution: distribution, unit: ProjectionSpec.unit(ofColumn: name),
                                        source: assumptions.first { $0.input == name }?.source ?? "given")
            }
            var problem = SimulationProblem(kind: "projection", inputs: inputs, correlation: correlation, model: model,
                                            outputs: outputs.map(\.rawValue), units: outputs.map(\.baseUnit), years: years,
                                            sources: years.indices.map { t in (0..<m).map { .column(model.column(year: t, output: $0)) } })
            // A lifetime in use shorter than a year, for every report of the problem (a comparison's too).
            problem.warnings = lifetimeWarning.map { [$0] } ?? []
            problem.overflowCauses = scalingCauses
            return problem
        }

        /// The warning of an accelerator lifetime in use shorter than a year (``lifetimeWarning(model:columns:valuesAtMedians:)``),
        /// worked out once when the spec is resolved, from the evaluation at the medians that its checks use; the
        /// report and ``problem``'s warnings both give it.
        public internal(set) var lifetimeWarning: String?
        /// Settings named first among the causes of an overflow the engine finds (``ProjectionSpec/scalingCauses``):
        /// they are not sampled columns, so the engine's own list cannot name them.
        var scalingCauses: [String] = []

        /// The warning of an accelerator lifetime in use shorter than a year, the projection's counterpart of
        /// ``Estimate/lifetimeWarning(_:)``. A projection has no chip count and no run length: each year's
        /// accelerator-hours (training and inference) are counted in that year, so the longest any chip can run
        /// within a projection year is the year itself, 8,760 h. When the lifetime in use (lifetime × `in_use`,
        /// 85% by default, ``Defaults/inUse``) is shorter, a chip in use all year is charged
        /// 8,760 h / (lifetime × in_use) > 1 times its whole embodied emissions every year (``EmbodiedEmissions``).
        /// Judged at every driver's median, from the first year with embodied emissions; nil when the lifetime
        /// in use is at least a year or no year has embodied emissions (an aggregate projection has none).
        /// - Parameters:
        ///   - model: The projection model.
        ///   - columns: Its sampled drivers, in column order.
        ///   - values: The model's outputs with every driver at its median (``ProjectionSpec/valuesAtMedians(model:columns:)``).
        /// - Returns: One line without a newline, or nil.
        static func lifetimeWarning(model: ProjectionModel, columns: [(name: String, distribution: Distribution)],
                                    valuesAtMedians values: [Double]) -> String? {
            guard let o = model.outputs.firstIndex(of: .embodiedCO2eKg) else { return nil }
            let years = model.years
            guard let t = years.indices.first(where: { values[model.column(year: $0, output: o)] > 0 }) else { return nil }
            func median(_ parameter: ProjectionParameter) -> Double {
                switch parameter {
                case .fixed(let v): return v
                case .column(let j): return columns[j].distribution.median
                }
            }
            let lifetime = median(model.lifetimeHours), share = median(model.inUseShare)
            let inUse = lifetime * share, year = 8760.0
            guard inUse.isFinite, inUse < year else { return nil }
            return "warning: the lifetime in use (\(ReadableQuantity.duration(inUse)), \(ReadableQuantity.percent(share)) of lifetime "
                + "\(ReadableQuantity.duration(lifetime))) is shorter than a projection year (8,760 h, the longest a chip runs in one), "
                + "at the medians: from \(years[t]), embodied_co2e_kg charges a chip in use all year "
                + "\(ReadableQuantity.number(year / inUse, significant: 3)) times its whole embodied emissions each year"
        }
    }

    /// The model's outputs with every sampled driver at its median, column `t × outputs + o` (NaN or
    /// infinite where an output overflows or is undefined).
    /// - Parameters:
    ///   - model: The projection model.
    ///   - columns: Its sampled drivers, in column order.
    /// - Returns: One value per model column.
    static func valuesAtMedians(model: ProjectionModel, columns: [(name: String, distribution: Distribution)]) -> [Double] {
        let medians = columns.map(\.distribution.median), m = model.outputCount
        var values = [Double](repeating: .nan, count: m)
        medians.withUnsafeBufferPointer { x in
            values.withUnsafeMutableBufferPointer { out in
                let pointers = UnsafeMutablePointer<UnsafeMutablePointer<Double>>.allocate(capacity: Swift.max(m, 1))
                defer { pointers.deallocate() }
                for o in 0..<m { pointers[o] = out.baseAddress! + o }
                let zero = 0.0
                withUnsafePointer(to: zero) { z in
                    model.evaluate(inputs: x.baseAddress ?? z, count: 1, outputs: UnsafeMutableBufferPointer(start: pointers, count: m))
                }
            }
        }
        return values
    }

    /// The base unit of a sampled column (`ai_growth@2025`, `noise:ai_growth@2026`, `pue`).
    static func unit(ofColumn name: String) -> String {
        guard !name.hasPrefix("noise:") else { return "" }
        let key = name.split(separator: "@").first.map(String.init) ?? name
        guard let field = keys[key]?.field else { return "" }
        return field.kind.baseUnit
    }

    /// Refuses a projection whose outputs overflow at the drivers' medians, before any sampling: the error
    /// names the output and year, and the inputs that can cause it (drivers of extreme magnitude, else the
    /// growth drivers given and the years they compound over). Overflows only in the tails are caught by
    /// the engine. Outputs that underflow there (nonzero below 10⁻¹⁰⁰, ``InputError/underflow(output:value:unit:causes:)``)
    /// are refused alike, first.
    /// - Parameters:
    ///   - model: The projection model.
    ///   - values: Its outputs with every sampled driver at its median (``valuesAtMedians(model:columns:)``).
    func checkFinite(model: ProjectionModel, values: [Double]) throws(InputError) {
        var given = scalars.map { (name: $0.key, distribution: $0.value) }
        // The key each input is given under, by the name it is checked under (a path's year `ai_growth@2030`: `ai_growth`).
        var keyOfInput = Dictionary(uniqueKeysWithValues: scalars.keys.map { ($0, $0) })
        for (key, path) in paths {
            given += path.map { (name: "\(key)@\($0.year)", distribution: $0.value) }
            for point in path { keyOfInput["\(key)@\(point.year)"] = key }
        }
        // Underflow: an output nonzero but below 10⁻¹⁰⁰ (InputError.underflow), from extreme inputs or from growth
        // factors below 1 compounded (`ai_growth: 0.01` over 100 years); it passes below 10⁻¹⁰⁰ before it reaches 0.
        let small = InputError.extremeMagnitudes.small
        // A grid given as an intensity is the spec's grid choice, not one of its scalars.
        var candidates = given
        if case .intensity(let d)? = grid {
            candidates.append((name: "grid", distribution: d))
            keyOfInput["grid"] = "grid"
        }
        let units = Dictionary(candidates.map { ($0.name, $0.name == "grid" ? "kg/kWh" : Self.unit(ofColumn: $0.name)) },
                               uniquingKeysWith: { a, _ in a })
        let extremes = InputError.extremeCauses(candidates, units: units, growthFallback: false)
        // Placed at the most extreme input named, where the file gives it; else as an overflow is.
        let extremeLocation = extremes.first.flatMap { keyOfInput[$0.name] }.flatMap { locations[$0] } ?? overflowLocation
        if let tiny = values.indices.first(where: { values[$0].isFinite && values[$0] != 0 && abs(values[$0]) < small }) {
            var causes = extremes.map(\.text)
            if causes.isEmpty { causes = growthCauses { $0.median < 1 } }
            var e = InputError.underflow(output: model.outputName(tiny), value: values[tiny],
                                         unit: model.outputs[tiny % model.outputs.count].baseUnit, causes: causes)
            e.location = extremeLocation
            throw e
        }
        // An output nonzero in the start year and exactly 0 in a later one passed below 10⁻¹⁰⁰ on its way, since
        // growth factors are positive: with an input beyond 10^±100 that is an underflow too (elasticity: 1e300
        // makes demand k^−η exactly 0 from the first year of gains, and ai_energy_kwh printed 0 [0–0]). Without
        // one, a 0 has a reason of its own (a grid path reaching 0 kg/kWh).
        let m = model.outputs.count
        if !extremes.isEmpty, let zero = values.indices.first(where: { $0 >= m && values[$0] == 0 && values[$0 % m] != 0 && values[$0 % m].isFinite }) {
            let output = model.outputs[zero % m]
            let start = Distribution.compact(values[zero % m]) + (output.baseUnit.isEmpty ? "" : " \(output.baseUnit)")
            let found = "0 at the inputs' medians after \(start) in \(model.years[0]) (it underflows)"
            var e = InputError(field: model.outputName(zero),
                               expected: "values of the output \(output.rawValue) that stay nonzero once nonzero (growth factors are positive)",
                               found: found + InputError.causeList(extremes.map(\.text), after: found))
            e.location = extremeLocation
            throw e
        }
        guard let bad = values.indices.first(where: { !values[$0].isFinite }) else { return }
        var causes = InputError.extremeInputs(given, growthFallback: false)
        if causes.isEmpty { causes = scalingCauses + growthCauses { $0.median != 1 } }
        var e = InputError.overflow(output: model.outputName(bad), causes: causes)
        e.location = overflowLocation
        throw e
    }

    /// The settings that scale every year's growth without being growth factors, named first among an overflow's
    /// causes: `growth_noise` (each year's factor times exp(σ z): `growth_noise: 1000` overflows in the first year of
    /// noise, and was not named) and, with efficiency gains, `elasticity` (demand times efficiency_gain^−elasticity:
    /// `elasticity: -300` with a gain of 100 was left out of the causes).
    var scalingCauses: [String] { scalingKeys.map { "`\($0)` = \(scalars[$0]!)" } }

    /// The keys of ``scalingCauses``.
    private var scalingKeys: [String] {
        var keys: [String] = []
        if let sigma = scalars["growth_noise"], sigma.median > 0 { keys.append("growth_noise") }
        if let eta = scalars["elasticity"], eta.median != 0, scalars["efficiency_gain"] != nil || paths["efficiency_gain"] != nil {
            keys.append("elasticity")
        }
        return keys
    }

    /// The growth drivers given that can compound an output out of range, as causes of an overflow or
    /// underflow: each scalar growth factor that `compounds` (`median != 1` for an overflow, `median < 1` for an
    /// underflow) and each growth path, then `end_year` with the years they compound over; empty when none.
    private func growthCauses(_ compounds: (Distribution) -> Bool) -> [String] {
        let causes = scalars.keys.filter { GrowthText.keys.contains($0) && compounds(scalars[$0]!) }.sorted().map { "`\($0)` = \(scalars[$0]!)" }
            + paths.keys.filter(GrowthText.keys.contains).sorted().map { "`\($0)` (a year path)" }
        return causes.isEmpty ? [] : causes + ["`end_year` = \(endYear) (\(endYear - startYear) years of growth compounded)"]
    }

    /// Where an overflow of this projection is reported: at the first of ``scalingCauses`` given, else at the first
    /// growth driver given (where the fix usually is), else at the file (or flag) that gave the years.
    public var overflowLocation: InputLocation? {
        let growthKey = (Array(scalars.keys) + Array(paths.keys)).filter(GrowthText.keys.contains).sorted().first
        return (scalingKeys + [growthKey].compactMap { $0 }).lazy.compactMap { locations[$0] }.first
            ?? locations["start_year"].map { InputLocation(file: $0.file) }
    }

    /// Whether a distribution gives exactly 0 with positive probability: fixed at 0, or an atom there (a
    /// discrete value, a clipped bound).
    static func canBeZero(_ d: Distribution) -> Bool {
        switch d {
        case .fixed(let v): return v == 0
        case .discrete(let values, _): return values.contains(0)
        case .clipped(let inner, let lower, let upper): return lower == 0 || upper == 0 || canBeZero(inner)
        case .truncated(let inner, _, _): return canBeZero(inner)
        default: return false
        }
    }

    /// An error about `key`, placed where it was given; a key not given at all is placed at the scenario's file
    /// (without one, a key missing from a file named a flag that `run` does not have: `--conventional-growth`).
    func error(_ key: String, _ expected: String, _ found: String) -> InputError {
        InputError(field: key, expected: expected, found: found, location: locations[key] ?? fileLocation)
    }

    /// The scenario's file, with no line, when the spec came from one (the file of its keys' places; a key given
    /// with `--set` or `--sweep` is placed at that flag, which is not a file).
    var fileLocation: InputLocation? {
        locations.values.compactMap(\.file).filter { !$0.hasPrefix("--") }.min().map { InputLocation(file: $0) }
    }

    /// Checks the spec and builds the model, filling gaps with documented defaults.
    /// - Parameters:
    ///   - catalog: Hardware and grid catalogs.
    ///   - yearValues: `pue_target_year` and `grid_target_year`, when given.
    /// - Throws: ``InputError`` naming the key and its place in the file.
    public func resolve(catalog: Catalog, targetYears: [String: Int] = [:]) throws(InputError) -> Resolved {
        guard Self.startYears.contains(startYear) else {
            throw error("start_year", "a year from \(Self.startYears.lowerBound) to \(Self.startYears.upperBound) (the catalogs and priors "
                        + "describe accelerators from 2016 on and grids of 2023)", "\(startYear)")
        }
        guard endYear >= startYear else {
            throw error("end_year", "a year not before start_year (\(startYear))", "\(endYear)")
        }
        guard endYear - startYear <= 200 else { throw error("end_year", "at most 200 years after start_year", "\(endYear)") }
        var b = ProjectionBuilder(spec: self)
        let years = Array(startYear...endYear)
        let aggregate = scalars["base_electricity"] != nil
        let bottomUp = scalars["training_compute"] != nil || scalars["training_params"] != nil || scalars["queries"] != nil
        var model = ProjectionModel(mode: aggregate ? .aggregate : .bottomUp, years: years, outputs: [])
        if aggregate && bottomUp {
            throw error(scalars["training_compute"] != nil ? "training_compute" : "queries",
                        "either aggregate inputs (base_electricity) or bottom-up inputs (training_compute, queries), not both", "both")
        }
        if !aggregate && !bottomUp {
            throw InputError(field: "base_electricity", expected: "base_electricity (aggregate mode) or training_compute / queries (bottom-up mode)",
                             found: "none of them", location: locations["start_year"])
        }
        if let sigma = scalars["growth_noise"], !(sigma.isFixed && sigma.median == 0) {
            model.noiseSigma = b.parameter("growth_noise", sigma)
        }
        let noisy = scalars["growth_noise"].map { !($0.isFixed && $0.median == 0) } ?? false
        model.inferenceShare = b.take("inference_share", Assumption(
            input: "inference_share", distribution: .fixed(Defaults.inferenceShare), unit: "",
            source: "80-90% of ML energy is inference (NVIDIA, via Patterson et al. 2021)"))
        model.elasticity = b.take("elasticity", Assumption(
            input: "elasticity", distribution: .fixed(0), unit: "", source: "no rebound unless an elasticity is given"))
        if aggregate {
            // hardware applies to the bottom-up mode only; accepting it here would let any name (even one not
            // in the catalog, as in `--sweep hardware=h100,nope`) pass silently.
            if let name = hardware {
                throw error("hardware", "no hardware in an aggregate projection (it applies to the bottom-up mode)", "\"\(name)\"")
            }
            model.baseElectricityKWh = b.parameter("base_electricity", scalars["base_electricity"]!)
            guard scalars["ai_share"] != nil else { throw error("base_electricity", "ai_share with base_electricity", "no ai_share") }
            model.aiShare = b.parameter("ai_share", scalars["ai_share"]!)
            model.aiGrowth = try b.growth("ai_growth", years: years, noisy: noisy, required: true)
            model.conventionalGrowth = try b.growth("conventional_growth", years: years, noisy: noisy, required: true)
            model.efficiencyGain = try b.growth("efficiency_gain", years: years, noisy: false, required: false)
            model.outputs = [.energyKWh, .aiEnergyKWh, .conventionalEnergyKWh, .trainingEnergyKWh, .inferenceEnergyKWh, .co2eKg,
                             .waterL, .rebound, .energyWithoutReboundKWh]
        } else {
            guard let name = hardware else {
                // Placed at the key that made the projection bottom-up (it was placed at training_compute, which
                // a projection of queries alone does not have, so the message named a flag `run` lacks).
                let cause = ["training_compute", "training_params", "queries"].first { scalars[$0] != nil }!
                throw InputError(field: "hardware", expected: "a catalog accelerator (hardware: h100) for the bottom-up mode, "
                                 + "which \(cause) selects", found: "no hardware key",
                                 location: locations[cause] ?? locations["start_year"].map { InputLocation(file: $0.file) })
            }
            let accelerator = try catalog.accelerator(named: name, field: "hardware")
            guard let tdp = accelerator.tdpW else {
                throw error("hardware", "an accelerator with a published TDP", "\(accelerator.name) (no TDP)")
            }
            model.peakFlopsPerS = accelerator.peakFlopsPerS
            model.tdpW = tdp
            if let params = scalars["training_params"] {
                if scalars["training_compute"] != nil {
                    throw error("training_params", "either training_compute or training_params (with tokens_per_param), not both", "both")
                }
                model.trainingParameters = b.parameter("training_params", params)
                model.trainingParametersGrowth = try b.growth("training_params_growth", years: years, noisy: noisy, required: false)
                model.tokensPerParameter = b.take("tokens_per_param", Assumption(
                    input: "tokens_per_param", distribution: .fixed(20), unit: "",
                    source: "compute-optimal training: about 20 tokens per parameter (Hoffmann et al. 2022, Chinchilla)"))
            } else {
                model.trainingCompute = b.take("training_compute", Assumption(
                    input: "training_compute", distribution: .fixed(0), unit: "FLOP", source: "no training compute given"))
            }
            // Without training compute the training keys change nothing (mfu=0.01 on chatbot-service gave the same
            // table without a word): refused as keys this projection does not use.
            if scalars["training_compute"] == nil, scalars["training_params"] == nil {
                for key in ["mfu", "training_runs", "training_compute_growth"] where scalars[key] != nil || paths[key] != nil {
                    throw error(key, "a key that applies to this bottom-up projection", "\"\(key)\", which it does not use "
                                    + "(no training_compute or training_params: it has no training)")
                }
            }
            if let runs = scalars["training_runs"] { model.trainingRuns = b.parameter("training_runs", runs) }
            model.trainingGrowth = try b.growth("training_compute_growth", years: years, noisy: noisy, required: false)
            if let q = scalars["queries"] {
                // energy_per_query_wh divides each year's inference energy by the queries served: none served is
                // 0 / 0, which was reported as an overflow naming no input.
                if Self.canBeZero(q) {
                    throw error("queries", "more than 0 queries a year (energy_per_query_wh divides by them; leave queries out for a "
                                + "projection without inference)", "\(q)")
                }
                model.queries = b.parameter("queries", q)
                guard scalars["tokens_per_query"] != nil, scalars["active_params"] != nil else {
                    let missing = ["tokens_per_query", "active_params"].filter { scalars[$0] == nil }
                    throw error("queries", "tokens_per_query and active_params with queries", missing.joined(separator: " and ") + " missing")
                }
                if scalars["inference_share"] != nil {
                    throw error("inference_share", "either queries (bottom-up inference) or inference_share", "both")
                }
                model.tokensPerQuery = b.parameter("tokens_per_query", scalars["tokens_per_query"]!)
                model.activeParameters = b.parameter("active_params", scalars["active_params"]!)
                model.queriesGrowth = try b.growth("queries_growth", years: years, noisy: noisy, required: false)
                model.tokensGrowth = try b.growth("tokens_per_query_growth", years: years, noisy: noisy, required: false)
                model.parametersGrowth = try b.growth("active_params_growth", years: years, noisy: noisy, required: false)
                model.inferenceUtilization = b.take("inference_utilization", Defaults.inferenceUtilization)
            }
            model.flopPerJouleGrowth = try b.growth("flop_per_joule_growth", years: years, noisy: false, required: false,
                                                    fallback: Assumption(input: "flop_per_joule_growth", distribution: .lognormal(p05: 1.2, p95: 1.4),
                                                                         unit: "", source: "hardware FLOP/s per watt improves about 1.3x a year (Epoch AI)"))
            model.mfu = b.take("mfu", Defaults.mfu(releaseYear: accelerator.releaseYear))
            model.powerUtilization = b.take("power_utilization", Defaults.powerUtilization)
            model.hostOverhead = b.take("host_overhead", Defaults.hostOverhead)
            model.embodiedPerChipKg = b.take("embodied_per_chip", accelerator.embodiedPrior)
            model.lifetimeHours = b.take("lifetime", Defaults.lifetime)
            model.inUseShare = b.take("in_use", Defaults.inUse)
            model.outputs = [.energyKWh, .trainingEnergyKWh, .inferenceEnergyKWh, .co2eKg, .embodiedCO2eKg, .waterL]
            if model.queries != nil { model.outputs += [.queries, .energyPerQueryWh] }
            model.outputs += [.rebound, .energyWithoutReboundKWh]
        }
        let gridEntry: Grid?
        switch grid {
        case .intensity?: gridEntry = nil
        case .named(let name)?: gridEntry = try catalog.grid(named: name, field: "grid")
        case nil: gridEntry = try catalog.grid(named: Defaults.gridName, field: "grid")
        }
        model.pue = try b.level("pue", startFallback: gridEntry?.providerPUEPrior ?? Defaults.pue, targetYear: targetYears["pue_target_year"],
                                floor: 1, years: years)
        let gridStart: Assumption
        switch grid {
        case .intensity(let d)?:
            gridStart = Assumption(input: "grid", distribution: d, unit: "kg/kWh", source: "given")
        case .named?:
            gridStart = EstimateSpec.gridPrior(gridEntry!, defaulted: false)
        case nil:
            gridStart = EstimateSpec.gridPrior(gridEntry!, defaulted: true)
        }
        model.grid = try b.level("grid", startFallback: gridStart, targetYear: targetYears["grid_target_year"], floor: 0, years: years,
                                 startIsGiven: { if case .intensity? = grid { return true } else { return false } }())
        // Two ways of giving one path: refused as a conflict (it was blamed on grid_market as a key not used).
        if scalars["grid_market"] != nil, paths["grid_market_points"] != nil {
            func place(_ key: String) -> String { locations[key].map { "\(key) at \($0)" } ?? key }
            throw error("grid_market", "one of grid_market and grid_market_points, not both",
                        "both: \(place("grid_market")) and \(place("grid_market_points"))")
        }
        if scalars["grid_market"] != nil || paths["grid_market_points"] != nil {
            if let points = paths["grid_market_points"] {
                model.gridMarket = b.points("grid_market_points", points, years: years)
            } else {
                model.gridMarket = .constant(b.parameter("grid_market", scalars["grid_market"]!))
            }
            model.outputs.insert(.co2eMarketKg, at: model.outputs.firstIndex(of: .co2eKg)! + 1)
        }
        model.wue = b.take("wue", Defaults.wueOnsite)
        model.waterIntensity = b.take("water_intensity", gridEntry?.waterIntensityPrior ?? Defaults.waterIntensity)
        for key in scalars.keys.sorted() where !b.used.contains(key) {
            throw error(key, "a key that applies to this \(aggregate ? "aggregate" : "bottom-up") projection", "\"\(key)\", which it does not use")
        }
        for key in paths.keys.sorted() where !b.used.contains(key) {
            throw error(key, "a key that applies to this \(aggregate ? "aggregate" : "bottom-up") projection", "\"\(key)\", which it does not use")
        }
        precondition(model.outputs.allSatisfy { ProjectionModel.slot($0) != nil }, "a projection output without a model slot")
        let correlation = try b.correlation(correlations)
        // One evaluation at the medians serves the checks and the lifetime warning.
        let values = Self.valuesAtMedians(model: model, columns: b.columns)
        try checkFinite(model: model, values: values)
        return Resolved(model: model, columns: b.columns, correlation: correlation, assumptions: b.assumptions,
                        lifetimeWarning: Resolved.lifetimeWarning(model: model, columns: b.columns, valuesAtMedians: values),
                        scalingCauses: scalingCauses)
    }
}
