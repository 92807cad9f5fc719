/// A stopping rule: run batches until a statistic of one output is known to a relative precision.
///
/// Syntax: `STAT:TOL[@OUTPUT]`, e.g. `p95:1%` (the 95% interval of p95 within ±1% of p95) or
/// `mean:0.5%@energy_kwh`. The default output is `total_co2e_kg`, or `co2e_kg` for a projection (which
/// has no total). The decision is made at batch boundaries only, so runs stay deterministic.
public struct PrecisionTarget: Sendable, Hashable, CustomStringConvertible {
    /// `nil` for the mean, else the percentile in (0, 100).
    public var percentile: Double?
    /// Relative half-width of the 95% interval to reach.
    public var relativeHalfWidth: Double
    /// The output it applies to.
    public var output: String
    /// Whether `output` is the default (no `@OUTPUT` was given): a problem without it then watches its
    /// `co2e_kg` (``watching(_:)``).
    public var outputIsDefault: Bool
    /// The model column of that output, bound by the engine from the problem's outputs.
    var outputIndex: Int = 0

    /// Parses `STAT:TOL[@OUTPUT]`.
    /// - Throws: ``InputError`` for malformed text.
    public init(parsing text: String, field: String = "until", defaultOutput: String = "total_co2e_kg") throws(InputError) {
        let fail = InputError(field: field, expected: "STAT:TOL[@OUTPUT] such as \"p95:1%\" or \"mean:0.5%@energy_kwh\"",
                              found: "\"\(text)\"")
        let atSplit = text.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let parts = atSplit[0].split(separator: ":").map { $0.trimmingWhitespace() }
        guard parts.count == 2 else { throw fail }
        if parts[0].lowercased() == "mean" {
            percentile = nil
        } else if parts[0].lowercased().hasPrefix("p"), let p = Double(parts[0].dropFirst()), p > 0, p < 100 {
            try OutputSummary.checkAskable(p, typed: parts[0], field: field, within: text)
            percentile = p
        } else {
            throw fail
        }
        let tol: Double
        do {
            tol = try QuantityParser.parse(parts[1], as: .dimensionless, field: field)
        } catch {
            // A number the parser refuses for its size (1e-320%: below the smallest normal double) says so; other
            // text gets the syntax.
            guard let size = error.magnitude else { throw fail }
            throw InputError(field: field, expected: "a tolerance above 0% and below 100% (\"p95:1%\")",
                             found: "\"\(parts[1])\" in \"\(text)\" (\(size.explanation))")
        }
        // A tolerance that reads as a number but cannot be met or means nothing: said with its range.
        guard tol > 0, tol < 1 else {
            throw InputError(field: field, expected: "a tolerance above 0% and below 100% (\"p95:1%\")", found: "\"\(parts[1])\" in \"\(text)\"")
        }
        relativeHalfWidth = tol
        output = atSplit.count == 2 ? atSplit[1].trimmingWhitespace() : defaultOutput
        // `mean:1%@` named no output and watched the default without a word.
        guard !output.isEmpty else {
            throw InputError(field: field, expected: "an output after @ (\"mean:0.5%@energy_kwh\"), or no @ for the default", found: "\"\(text)\"")
        }
        outputIsDefault = atSplit.count < 2
    }

    /// This target for a problem with `outputs`: the default output (`total_co2e_kg`) becomes `co2e_kg` for
    /// a problem without it but with that (a projection, which has no total); a named output is kept.
    /// - Parameter outputs: The problem's output names.
    /// - Returns: The target to bind.
    func watching(_ outputs: [String]) -> PrecisionTarget {
        guard outputIsDefault, !outputs.contains(output), outputs.contains("co2e_kg") else { return self }
        var target = self
        target.output = "co2e_kg"
        return target
    }

    public var description: String {
        // The tolerance at six significant digits: 0.0001% is stored as 1e-6, and × 100 gives 0.00010000000000000002.
        "\(percentile.map { "p" + JSONValue.numberText($0) } ?? "mean"):\(Distribution.compact(relativeHalfWidth * 100))%@\(output)"
    }

    /// The warning of a run that stopped at its bound on samples (``SimulationSettings/maxSamples``) before
    /// meeting this target: its intervals are wider than the target asked.
    /// - Parameters:
    ///   - samples: Samples the run drew.
    ///   - settings: The run's settings: its batch (``SimulationSettings/samples``) and bound.
    ///   - outputs: The run's output names (a projection watches `co2e_kg` by default, ``watching(_:)``).
    /// - Returns: One line, without a newline.
    public func notMetWarning(samples: Int, settings: SimulationSettings, outputs: [String]) -> String {
        func n(_ x: Int) -> String { ReadableQuantity.number(Double(x), significant: 12) }
        return "warning: precision target \(watching(outputs)) not met after \(n(samples)) samples: "
            + "another batch of \(n(settings.samples)) would pass max_samples (\(n(settings.maxSamples)))"
    }

    /// Whether the target is checked after batch `batch` (1-based), the last check having been after batch
    /// `lastChecked`: after each of the first 64 batches, then once the samples have grown by a 64th since the
    /// last check. A check reads every sample so far (a percentile's selection), so checking after every batch
    /// made a long run's work grow with the square of its batches (a p95 target over 1,000 batches of 20,000
    /// took a minute); this way a run stops at most a 64th of its samples after the batch that first met the
    /// target, and the checks cost about 64 · ln(batches / 64) passes. The schedule depends on batch numbers
    /// only, so runs stay deterministic, and a run meeting its target within 64 batches stops where it did.
    /// The engine also checks after the last batch the cap allows.
    /// - Parameters:
    ///   - batch: Batches run so far.
    ///   - lastChecked: The batch after which the target was last checked (0 for none).
    /// - Returns: `true` when the target is to be checked now.
    static func isDue(afterBatch batch: Int, lastChecked: Int) -> Bool {
        batch <= 64 || (batch - lastChecked) * 64 >= lastChecked
    }

    /// Whether the samples so far meet the target.
    func isMet(by set: SampleSet) -> Bool {
        let summary = OutputSummary(set, output: outputIndex, percentiles: percentile.map { [$0] } ?? [])
        if let p = percentile, let q = summary.percentiles.first(where: { $0.percent == p }) {
            return q.halfWidth95 <= relativeHalfWidth * abs(q.value)
        }
        return 1.959963984540054 * summary.mcse <= relativeHalfWidth * abs(summary.mean)
    }
}
