import AICarbon
import ArgumentParser
import Foundation

/// `--percentiles`: extra percentiles to report, taken by every simulating command but `sensitivity`.
struct PercentilesOption: ParsableArguments {
    @Option(help: "Extra percentiles to report, comma-separated (\"1,99\").")
    var percentiles: String?

    init() {}

    /// The extra percentiles requested: at most ``ScenarioSimulation/maximumPercentiles``.
    func extraPercentiles() throws(InputError) -> [Double] {
        guard let percentiles else { return [] }
        // Counted before parsing, so a list of any length is refused at once.
        let count = percentiles.utf8.reduce(1) { $0 + ($1 == UInt8(ascii: ",") ? 1 : 0) }
        guard count <= ScenarioSimulation.maximumPercentiles else {
            throw InputError(field: "--percentiles", expected: "at most \(ScenarioSimulation.maximumPercentiles) percentiles, comma-separated",
                             found: "\(count)")
        }
        var list: [Double] = []
        // Every item must be a percentile: an empty list or an empty item ("1,,2") is a typo, not "none".
        for part in percentiles.split(separator: ",", omittingEmptySubsequences: false) {
            let text = part.trimmingCharacters(in: .whitespaces)
            guard let p = Double(text.hasPrefix("p") ? String(text.dropFirst()) : text), p > 0, p < 100 else {
                throw InputError(field: "--percentiles", expected: "percentiles between 0 and 100, comma-separated (\"1,99\")",
                                 found: "\"\(percentiles)\"")
            }
            try OutputSummary.checkAskable(p, typed: text, field: "--percentiles")
            list.append(p)
        }
        return list
    }
}
