/// The paired comparison of two estimates or two projections: per output (and year), the distribution
/// of A − B and P(A < B).
public struct ComparisonReport: Sendable {
    /// Names of scenarios A and B.
    public var a: String, b: String
    /// The years compared; empty when two estimates are compared.
    public var years: [Int]
    /// Outputs both scenarios have.
    public var outputs: [OutputName]
    /// `difference[period][o]`: summary of A − B.
    public var difference: [[OutputSummary]]
    /// `medians[period][o]`: (median of A, median of B).
    public var medians: [[(Double, Double)]]
    /// `probability[period][o]`: fraction of paired samples with A < B.
    public var probability: [[Double]]
    /// Paired samples (trajectories for projections).
    public var sampleCount: Int
    /// Run settings (both runs).
    public var settings: SimulationSettings
    /// Whether the runs shared random numbers.
    public var commonRandomNumbers: Bool

    init(a: (name: String, problem: SimulationProblem, set: SampleSet), b: (name: String, problem: SimulationProblem, set: SampleSet),
         settings: SimulationSettings, commonRandomNumbers: Bool) {
        self.a = a.name
        self.b = b.name
        years = a.problem.years
        self.settings = settings
        self.commonRandomNumbers = commonRandomNumbers
        let shared = a.problem.outputs.filter { b.problem.outputs.contains($0) }
        outputs = shared.compactMap(OutputName.init(rawValue:))
        let n = a.set.count
        sampleCount = n
        /// The values of one output in one period: its stored column, or a constant repeated.
        func withValues<R>(_ side: (name: String, problem: SimulationProblem, set: SampleSet), _ t: Int, _ name: OutputName,
                           _ body: (UnsafeBufferPointer<Double>) -> R) -> R {
            switch side.problem.sources[t][side.problem.outputs.firstIndex(of: name.rawValue)!] {
            case .column(let c): return side.set.outputs[c].withUnsafeBufferPointer(body)
            case .constant(let v): return [Double](repeating: v, count: n).withUnsafeBufferPointer(body)
            }
        }
        var columns: [[Double]] = [], med: [[(Double, Double)]] = [], prob: [[Double]] = []
        for t in 0..<a.problem.periodCount {
            var rowMedians: [(Double, Double)] = [], rowProbability: [Double] = []
            for name in outputs {
                withValues(a, t, name) { ca in
                    withValues(b, t, name) { cb in
                        var diff = [Double](repeating: 0, count: n)
                        var less = 0
                        for i in 0..<n {
                            diff[i] = ca[i] - cb[i]
                            if ca[i] < cb[i] { less += 1 }
                        }
                        columns.append(diff)
                        rowProbability.append(Double(less) / Double(Swift.max(n, 1)))
                        rowMedians.append((OutputSummary.percentiles([50], of: ca)[0], OutputSummary.percentiles([50], of: cb)[0]))
                    }
                }
            }
            med.append(rowMedians)
            prob.append(rowProbability)
        }
        let set = SampleSet(derived: columns, chunks: settings.chunks)
        let all = OutputSummary.all(set, threads: settings.threads)
        let m = outputs.count
        difference = (0..<a.problem.periodCount).map { t in (0..<m).map { o in all[t * m + o] } }
        medians = med
        probability = prob
    }

    /// The summary of A − B for `output` in `year`.
    public func difference(_ output: OutputName, year: Int) -> OutputSummary? {
        guard let t = years.firstIndex(of: year), let o = outputs.firstIndex(of: output) else { return nil }
        return difference[t][o]
    }

    /// The summary of A − B for `output` of two estimates.
    public func difference(_ output: OutputName) -> OutputSummary? {
        guard years.isEmpty, let o = outputs.firstIndex(of: output) else { return nil }
        return difference[0][o]
    }

    /// P(A < B) for `output` of two estimates.
    public func probabilityALessThanB(_ output: OutputName) -> Double? {
        guard years.isEmpty, let o = outputs.firstIndex(of: output) else { return nil }
        return probability[0][o]
    }

    /// P(A < B) for `output` in `year`.
    public func probabilityALessThanB(_ output: OutputName, year: Int) -> Double? {
        guard let t = years.firstIndex(of: year), let o = outputs.firstIndex(of: output) else { return nil }
        return probability[t][o]
    }

    /// The comparison as a table, JSON or CSV.
    public func rendered(_ format: OutputFormat) -> String {
        switch format {
        case .json:
            return JSONValue.object([
                ("a", .string(a)), ("b", .string(b)), ("samples", .number(Double(sampleCount))), ("seed", .number(Double(settings.seed))),
                ("method", .string(settings.method.rawValue)), ("common_random_numbers", .bool(commonRandomNumbers)),
                ("years", .array(years.indices.map { t in
                    .object([("year", .number(Double(years[t]))), ("outputs", .object(outputs.indices.map { o in
                        (outputs[o].rawValue, .object([
                            ("a_p50", .number(medians[t][o].0)), ("b_p50", .number(medians[t][o].1)),
                            ("difference", ProjectionReport.statistics(difference[t][o], unit: outputs[o].baseUnit)),
                            ("p_a_less_than_b", .number(probability[t][o])),
                        ]))
                    }))])
                })),
            ]).rendered() + "\n"
        case .csv:
            var lines = ["year,output,a_p50,b_p50,difference_mean,difference_p05,difference_p50,difference_p95,p_a_less_than_b"]
            for t in years.indices {
                for (o, name) in outputs.enumerated() {
                    let d = difference[t][o]
                    let values = [medians[t][o].0, medians[t][o].1, d.mean, d.percentile(5)!, d.percentile(50)!, d.percentile(95)!, probability[t][o]]
                    lines.append("\(years[t]),\(name.rawValue)," + values.map(JSONValue.numberText).joined(separator: ","))
                }
            }
            return lines.joined(separator: "\n") + "\n"
        case .table:
            var text = "A = \(a), B = \(b); paired on \(commonRandomNumbers ? "common random numbers" : "independent samples"), "
                + "\(ReadableQuantity.number(Double(sampleCount), significant: 12)) trajectories\n\n"
            for name in outputs where [.energyKWh, .co2eKg].contains(name) {
                let o = outputs.firstIndex(of: name)!
                let peak = years.indices.map { abs(medians[$0][o].0) }.max() ?? 0
                let unit = ReadableQuantity.scale(peak, name.kind).1
                func f(_ x: Double) -> String { ReadableQuantity.number(ReadableQuantity.scale(x, name.kind, unit: unit), significant: 3) }
                let rows = years.indices.map { t -> [String] in
                    let d = difference[t][o]
                    return [String(years[t]), f(medians[t][o].0), f(medians[t][o].1),
                            "\(f(d.percentile(50)!)) [\(f(d.percentile(5)!))–\(f(d.percentile(95)!))]",
                            ReadableQuantity.number(probability[t][o], significant: 3)]
                }
                text += "\(name.label) (\(unit))\n"
                text += TextTable(header: ["year", "A median", "B median", "A − B median [90%]", "P(A < B)"], rows: rows,
                                  rightAligned: [true, true, true, true, true]).rendered() + "\n"
            }
            return text
        }
    }
}
