/// Which assumption drives the result: rank importance, tornado and Sobol' indices of one output of any
/// ``SimulationProblem`` (an estimate, a projection year by year, or an analytic ``ChunkModel``).
///
/// Three methods, from cheapest to most complete (``SensitivityMethod``):
///
/// - **rank** (`RankSensitivity`): Spearman's rank correlation ρᵢ of each input with the output
///   (Spearman 1904), and its share of the output's rank variance ρᵢ² / Σⱼ ρⱼ². One simulation of n
///   samples (the same samples as the estimate's). Fit for monotonic models; works with declared rank
///   correlations, but then shares overlap.
/// - **tornado** (`TornadoSensitivity`): the output with each input alone at its 5th and 95th
///   percentile and the rest at their medians (Howard 1988): low, high, swing = |high − low|.
///   2d + 1 model runs; one input at a time, so interactions are not seen.
/// - **sobol** (`SobolSensitivity`): first-order Sᵢ = V(E[Y|Xᵢ]) / V(Y) and total
///   S_Tᵢ = E[V(Y|X₋ᵢ)] / V(Y) indices (Sobol' 1993, 2001; Homma & Saltelli 1996), estimated from base
///   matrices A, B and A_B⁽ⁱ⁾ (Saltelli et al. 2010) as
///   Sᵢ ≈ (1/N) Σ f(B)(f(A_B⁽ⁱ⁾) − f(A)) / V(Y) (Saltelli et al. 2010) and
///   S_Tᵢ ≈ (1/2N) Σ (f(A) − f(A_B⁽ⁱ⁾))² / V(Y) (Jansen 1999), with bootstrap 95% intervals
///   (Efron & Tibshirani 1993). N (d + 2) model runs for N base samples and d inputs; inputs must be
///   independent. Sᵢ is the variance pinning Xᵢ removes on average; S_Tᵢ − Sᵢ is its share through
///   interactions; an input with S_Tᵢ ≈ 0 can be fixed anywhere in its range.
///
/// Inputs are the problem's: an estimate's scenario keys (`pue`, `grid`, `mfu`, …). A projection
/// samples one column per year step of a path (`ai_growth@2025`) and, with `growth_noise`, a noise
/// column per year (`noise:ai_growth@2026`); these are grouped under their key (`ai_growth`,
/// `noise:ai_growth`) and moved together by every method (`SensitivityFactors`), so that the report
/// names what a scenario file sets. Results are deterministic: the same seed and settings give the same
/// report for any thread count.
public enum Sensitivity {
    /// Bootstrap resamples behind the Sobol' intervals by default.
    public static let defaultBootstrap = 200

    /// Fewest samples for rank or Sobol' sensitivity: a rank correlation's standard error is then about 0.1.
    public static let minimumSamples = 100

    /// Analyses which inputs drive one output of a problem.
    /// - Parameters:
    ///   - problem: Inputs, correlations, model and outputs.
    ///   - method: rank, tornado or sobol.
    ///   - output: The output's name (`co2e_kg`).
    ///   - year: For a projection, the one year to report; `nil` reports every year.
    ///   - settings: Samples (n for rank, the base sample N for sobol), seed, design, generator, threads,
    ///     chunks; a precision target (`until`) is not used.
    ///   - bootstrap: Bootstrap resamples for the Sobol' intervals.
    /// - Returns: The measures per year, each year's inputs most important first.
    /// - Throws: ``InputError`` with field `output` for an unknown output, `year` for a year outside a
    ///   projection (or any year for an estimate), `sensitivity` for Sobol' indices with correlated
    ///   inputs, `method` for a Sobol' design with more than 20 input columns, or as the simulation does.
    public static func analyse(
        _ problem: SimulationProblem, method: SensitivityMethod, output: String = "co2e_kg", year: Int? = nil,
        settings: SimulationSettings, bootstrap: Int = defaultBootstrap
    ) throws(InputError) -> SensitivityReport {
        guard let o = problem.outputs.firstIndex(of: output) else {
            throw InputError(field: "output", expected: "an output of this \(problem.kind) (\(problem.outputs.joined(separator: ", ")))",
                             found: "\"\(output)\"")
        }
        let periods: [Int]
        if let year {
            guard let first = problem.years.first, let last = problem.years.last else {
                throw InputError(field: "year", expected: "no year for an \(problem.kind) (it has one period)", found: "\(year)")
            }
            guard let t = problem.years.firstIndex(of: year) else {
                throw InputError(field: "year", expected: "a year of this \(problem.kind), \(first) to \(last)", found: "\(year)")
            }
            periods = [t]
        } else {
            periods = Array(0..<problem.periodCount)
        }
        let correlated = !(problem.correlation?.dimensions.isEmpty ?? true)
        if method == .sobol, let correlation = problem.correlation, correlated {
            let names = correlation.dimensions.map { problem.inputs[$0].name }
            throw InputError(field: "sensitivity", expected: "independent inputs for Sobol' indices (use rank, which allows correlated inputs)",
                             found: "declared correlations between \(names.joined(separator: ", "))")
        }
        // Without uncertain inputs there is nothing to rank and one evaluation is the answer (as `run` gives it).
        // A rank correlation from n samples of independent inputs has a variance of exactly 1/(n − 1) (Spearman's
        // ρ under independence; Kendall & Stuart, The Advanced Theory of Statistics, vol. 2, §31): 0.1 sd at 100.
        // Fewer rank nothing (`--samples 2` printed ±1.000 for every input, 11% each).
        guard settings.samples >= minimumSamples || method == .tornado || problem.inputs.isEmpty else {
            throw InputError(field: "samples", expected: "at least \(minimumSamples) samples for \(method.rawValue) sensitivity "
                                 + "(a rank correlation from n samples has a standard error of about 1/√(n − 1))",
                             found: "\(settings.samples)")
        }
        guard settings.threads >= 1 else {
            throw InputError(field: "threads", expected: "a whole number of at least 1", found: "\(settings.threads)")
        }
        var settings = settings
        settings.until = nil
        let factors = SensitivityFactors(inputs: problem.inputs.map(\.name))
        let years: [Int?] = periods.map { problem.years.isEmpty ? nil : problem.years[$0] }
        let columns: [Int?] = periods.map { t in
            if case .column(let c) = problem.sources[t][o] { return c }
            return nil
        }
        var result: [SensitivityReport.Period]
        var samples = settings.samples, runs: Int
        switch method {
        case .rank:
            let d = problem.inputs.count
            try MemoryBudget.require(samples: settings.samples, bytesPerSample: Double(2 * d + problem.model.outputCount + 2) * 8,
                                     field: "samples", holding: "every sample of \(d) inputs with their ranks, and of the outputs")
            let recorder = InputRecorder(samples: settings.samples)
            let set = try Simulation.run(problem, settings: settings, observers: d > 0 ? [recorder] : [])
            let n = set.count
            samples = n
            runs = n
            let entries: [[SensitivityReport.Entry]]
            if d == 0 || n < settings.samples {
                entries = periods.map { _ in [] }
            } else {
                // The columns live as long as `set`; their storage does not move once the run has ended.
                entries = withExtendedLifetime(set) {
                    RankSensitivity(factors: factors).compute(
                        inputs: recorder.values!, inputCount: d, samples: n,
                        outputs: columns.map { c in c.map { set.outputs[$0].withUnsafeBufferPointer { $0 } } },
                        threads: settings.threads)
                }
            }
            result = zip(years, entries).map { SensitivityReport.Period(year: $0, inputs: $1) }
        case .tornado:
            samples = 0
            runs = 2 * factors.count + 1
            let values = try TornadoSensitivity(factors: factors).compute(problem, output: o, periods: periods)
            result = zip(years, values).map { SensitivityReport.Period(year: $0, inputs: $1.entries, baseline: $1.baseline) }
        case .sobol:
            runs = settings.samples * (factors.count + 2)
            let entries = factors.count == 0 ? periods.map { _ in [] }
                : try SobolSensitivity(factors: factors).compute(problem, columns: columns, settings: settings, bootstrap: bootstrap)
            result = zip(years, entries).map { SensitivityReport.Period(year: $0, inputs: $1) }
        }
        for i in result.indices { result[i].inputs = SensitivityReport.sorted(result[i].inputs, by: method) }
        var report = SensitivityReport(method: method, output: output, unit: problem.units[o], kind: problem.kind, periods: result,
                                       correlated: correlated, samples: samples, runs: runs, bootstrap: method == .sobol ? bootstrap : 0,
                                       settings: settings, year: year)
        // Sobol' indices split the output's variance: an input whose tail makes it infinite (b ≥ ½ in
        // MeanDivergence) leaves them without meaning. Ranks and the tornado need no finite variance.
        if method == .sobol {
            let inputs = Set(MeanDivergence.find(problem).filter { $0.output == output }.flatMap(\.inputs))
            if !inputs.isEmpty {
                report.warnings = ["warning: Sobol' indices not meaningful for \(output): its variance is infinite or beyond what sampling "
                                   + "can estimate, from the tail of \(inputs.sorted().joined(separator: ", ")); use rank (the default), "
                                   + "which needs no finite variance"]
            }
        }
        return report
    }
}

extension Sensitivity {
    /// Analyses an estimate given as a spec (what `aicarbon estimate … --sensitivity` does).
    /// - Parameters:
    ///   - spec: The estimate's inputs.
    ///   - catalog: Hardware and grid catalogs.
    ///   - method: rank, tornado or sobol.
    ///   - output: The output's name (`co2e_kg`).
    ///   - settings: Simulation settings.
    ///   - bootstrap: Bootstrap resamples for the Sobol' intervals.
    /// - Throws: ``InputError`` as ``analyse(_:method:output:year:settings:bootstrap:)``, or from resolving the spec.
    public static func analyse(
        _ spec: EstimateSpec, catalog: Catalog, method: SensitivityMethod, output: String = "co2e_kg",
        settings: SimulationSettings, bootstrap: Int = defaultBootstrap
    ) throws(InputError) -> SensitivityReport {
        try analyse(spec.resolve(catalog: catalog).problem, method: method, output: output, settings: settings, bootstrap: bootstrap)
    }

    /// Analyses a scenario file's estimate or projection (what `aicarbon sensitivity FILE` does).
    /// - Parameters:
    ///   - document: The loaded scenario (``ScenarioFile/loadDocument(_:overrides:)``).
    ///   - catalog: Hardware and grid catalogs.
    ///   - method: rank, tornado or sobol.
    ///   - output: The output's name (`co2e_kg`).
    ///   - year: For a projection, the one year to report; `nil` reports every year.
    ///   - settings: Simulation settings (the caller merges the file's `simulation:` section).
    ///   - bootstrap: Bootstrap resamples for the Sobol' intervals.
    /// - Throws: ``InputError`` as ``analyse(_:method:output:year:settings:bootstrap:)``, or from resolving the
    ///   scenario (located in its file).
    public static func analyse(
        _ document: ScenarioDocument, catalog: Catalog, method: SensitivityMethod, output: String = "co2e_kg", year: Int? = nil,
        settings: SimulationSettings, bootstrap: Int = defaultBootstrap
    ) throws(InputError) -> SensitivityReport {
        let problem: SimulationProblem
        switch document {
        case .estimate(let s): problem = try s.resolve(catalog: catalog).problem
        case .projection(let p): problem = try p.spec.resolve(catalog: catalog, targetYears: p.targetYears).problem
        }
        return try analyse(problem, method: method, output: output, year: year, settings: settings, bootstrap: bootstrap)
    }
}
