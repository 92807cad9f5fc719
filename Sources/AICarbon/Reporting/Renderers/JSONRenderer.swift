/// Results as JSON, values in base units (kWh, kg CO2e, L, hours, FLOP). The keys are a stable
/// contract: external checks and the notebooks read them.
///
/// - Estimate: `{["scenario"], "samples", "seed", "method", "generator", "gsl_version", "chunks", ["until", "until_met"], "outputs":
///   {NAME: {"mean", "p05", …, "sd", "mcse", "min", "max", "unit", "percentile_se", "percentile_ci95",
///   "histogram"}}, "inputs", "assumptions", ["warnings"]}` (`warnings` only when there are any).
/// - Projection: `{"scenario", …, ["until", "until_met"], "start_year", "end_year", "years": [{"year", "outputs": {NAME: {"mean", "p05", …, "unit"}}}], "inputs", "assumptions", ["warnings"]}`.
/// - Comparison: `{"a", "b", "samples", "seed", "method", "common_random_numbers", "years": [{"year",
///   "outputs": {NAME: {"a_p50", "b_p50", "difference": {…}, "p_a_less_than_b"}}}]}` for projections,
///   with `"outputs"` in place of `"years"` for estimates, and `"warnings"` when there are any.
/// - Rebound: `{"efficiency_gain", "elasticity", "expected_saving", "actual_saving", "rebound", "class"}`,
///   an array for several.
public struct JSONRenderer: ReportRenderer {
    /// Creates the renderer.
    public init() {}

    public func render(_ report: EstimateReport) -> String { Self.document(report).rendered() + "\n" }
    public func render(_ report: ProjectionReport) -> String { Self.document(report).rendered() + "\n" }
    public func render(_ report: ComparisonReport) -> String { Self.document(report).rendered() + "\n" }
    public func render(_ report: ReboundReport) -> String { Self.document(report).rendered() + "\n" }

    /// The key of percentile `p`: `p05`, `p50`, `p97_5`.
    public static func key(_ p: Double) -> String {
        let text = JSONValue.numberText(p)
        return "p" + (p < 10 && p == p.rounded() ? "0" : "") + text.replacingAll(".", with: "_")
    }

    /// The estimate's document.
    public static func document(_ report: EstimateReport) -> JSONValue {
        let settings = report.settings
        // A scenario file's name first, as a projection's document has it.
        var members: [(String, JSONValue)] = report.name.map { [("scenario", .string($0))] } ?? []
        members += [
            ("samples", .number(Double(report.sampleCount))), ("seed", .number(Double(settings.seed))),
            ("method", .string(settings.method.rawValue)), ("generator", .string(settings.generator.rawValue)),
            ("gsl_version", .string(GSLRuntime.version)),
            ("chunks", .number(Double(min(settings.chunks, report.sampleCount)) * Double(report.batches))),
        ]
        if let until = settings.until {
            members.append(("until", .string(until.description)))
            if let met = report.targetMet { members.append(("until_met", .bool(met))) }
        }
        members.append(("outputs", .object(report.outputs.map { name, s in
            var stats: [(String, JSONValue)] = [("mean", .number(s.mean))]
            for p in s.percentiles { stats.append((key(p.percent), .number(p.value))) }
            stats += [("sd", .number(s.sd)), ("mcse", .number(s.mcse)), ("min", .number(s.min)), ("max", .number(s.max)),
                      ("unit", .string(name.baseUnit))]
            stats.append(("percentile_se", .object(s.percentiles.map { (key($0.percent), .number($0.standardError)) })))
            stats.append(("percentile_ci95", .object(s.percentiles.map {
                (key($0.percent), .array([.number($0.lower95), .number($0.upper95)]))
            })))
            stats.append(("histogram", .object([
                ("edges", .array(s.histogramEdges.map(JSONValue.number))),
                ("counts", .array(s.histogramCounts.map { .number(Double($0)) })),
                ("below", .number(Double(s.below))), ("above", .number(Double(s.above))),
            ])))
            return (name.rawValue, .object(stats))
        })))
        members.append(("inputs", inputs(report.inputs)))
        members.append(("assumptions", assumptions(report.assumptions)))
        members += warningsMember(report.warnings)
        return .object(members)
    }

    /// The `"warnings"` member of a document: the run's warnings, or no member when there are none.
    /// - Parameter warnings: The report's warnings.
    /// - Returns: Zero or one member.
    static func warningsMember(_ warnings: [String]) -> [(String, JSONValue)] {
        warnings.isEmpty ? [] : [("warnings", .array(warnings.map(JSONValue.string)))]
    }

    /// The projection's document.
    public static func document(_ report: ProjectionReport) -> JSONValue {
        let settings = report.settings, years = report.years
        var members: [(String, JSONValue)] = [
            ("scenario", .string(report.name)), ("samples", .number(Double(report.sampleCount))), ("seed", .number(Double(settings.seed))),
            ("method", .string(settings.method.rawValue)), ("generator", .string(settings.generator.rawValue)),
            ("gsl_version", .string(GSLRuntime.version)),
        ]
        if let until = settings.until {
            members.append(("until", .string(until.watching(report.outputs.map(\.rawValue)).description)))
            if let met = report.targetMet { members.append(("until_met", .bool(met))) }
        }
        return .object(members + [
            ("start_year", .number(Double(years.first!))), ("end_year", .number(Double(years.last!))),
            ("years", .array(years.indices.map { t in
                .object([("year", .number(Double(years[t]))),
                         ("outputs", .object(report.outputs.indices.map { o in
                             (report.outputs[o].rawValue, statistics(report.summaries[t][o], unit: report.outputs[o].baseUnit))
                         }))])
            })),
            ("inputs", inputs(report.inputs)),
            ("assumptions", assumptions(report.assumptions)),
        ] + warningsMember(report.warnings))
    }

    /// The comparison's document.
    public static func document(_ report: ComparisonReport) -> JSONValue {
        func outputs(_ t: Int) -> JSONValue {
            .object(report.outputs.indices.map { o in
                (report.outputs[o].rawValue, .object([
                    ("a_p50", .number(report.medians[t][o].0)), ("b_p50", .number(report.medians[t][o].1)),
                    ("difference", statistics(report.difference[t][o], unit: report.outputs[o].baseUnit)),
                    ("p_a_less_than_b", .number(report.probability[t][o])),
                ]))
            })
        }
        let periods: (String, JSONValue) = report.years.isEmpty
            ? ("outputs", outputs(0))
            : ("years", .array(report.years.indices.map { t in .object([("year", .number(Double(report.years[t]))), ("outputs", outputs(t))]) }))
        return .object([
            ("a", .string(report.a)), ("b", .string(report.b)), ("samples", .number(Double(report.sampleCount))),
            ("seed", .number(Double(report.settings.seed))), ("method", .string(report.settings.method.rawValue)),
            ("common_random_numbers", .bool(report.commonRandomNumbers)), periods,
        ] + warningsMember(report.warnings))
    }

    /// The rebound cases' document: one object, or an array for several.
    public static func document(_ report: ReboundReport) -> JSONValue {
        let objects = report.cases.map { c -> JSONValue in
            .object([("efficiency_gain", .number(c.efficiencyGain)), ("elasticity", .number(c.elasticity)),
                     ("expected_saving", .number(c.expectedSaving)), ("actual_saving", .number(c.actualSaving)),
                     ("rebound", .number(c.rebound)), ("class", .string(c.reboundClass.rawValue))])
        }
        return report.single ? objects[0] : .array(objects)
    }

    /// `{"mean", "p05", …, "sd", "mcse", "unit"}`.
    static func statistics(_ s: OutputSummary, unit: String) -> JSONValue {
        var stats: [(String, JSONValue)] = [("mean", .number(s.mean))]
        for p in s.percentiles { stats.append((key(p.percent), .number(p.value))) }
        stats += [("sd", .number(s.sd)), ("mcse", .number(s.mcse)), ("unit", .string(unit))]
        return .object(stats)
    }

    /// `[{"input", "value", "unit", "distribution", "source"}]`, value the median in base units.
    static func assumptions(_ assumptions: [Assumption]) -> JSONValue {
        .array(assumptions.map {
            .object([("input", .string($0.input)), ("value", .number($0.median)), ("unit", .string($0.unit)),
                     ("distribution", .string($0.distribution.description)), ("source", .string($0.source))])
        })
    }

    /// `[{"input", "distribution"}]` for the sampled inputs.
    static func inputs(_ inputs: [(String, Distribution)]) -> JSONValue {
        .array(inputs.map { .object([("input", .string($0.0)), ("distribution", .string($0.1.description))]) })
    }
}
