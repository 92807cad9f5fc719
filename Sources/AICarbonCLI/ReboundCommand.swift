import Foundation
import AICarbon
import ArgumentParser

/// `aicarbon rebound`: the rebound effect of one efficiency gain, for classrooms.
public struct ReboundCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "rebound",
        abstract: "Rebound (Jevons) effect of an efficiency gain: expected vs actual saving, R and its class.",
        discussion: """
            Demand for a service scales by k^(-elasticity) when its energy cost falls by a factor k, so energy \
            scales by k^-(1+elasticity) instead of 1/k (Sorrell & Dimitropoulos 2008).
            Examples:
              aicarbon rebound --efficiency-gain 2 --elasticity -0.2
              aicarbon rebound --efficiency-gain 2 --elasticities -1.5,-1,-0.5,0
            """)

    @Option(name: .customLong("efficiency-gain"), help: "Efficiency gain k ≥ 1 (2 = half the energy per unit of service; 25% = the factor 1.25).")
    var efficiencyGain: String
    @Option(parsing: .unconditional, help: "Price elasticity of demand for the service (usually between -2 and 0).")
    var elasticity: String?
    @Option(parsing: .unconditional, help: "Several elasticities, comma-separated, for a table (\"-1.5,-1,-0.5,0\").")
    var elasticities: String?
    @Option(help: "Output format: table, json or csv.")
    var format: FormatOption = .table
    @OptionGroup var outputFile: OutputFileOption

    public init() {}

    public func run() throws {
        let destination = outputFile.destination
        try destination.check()
        // The growth-unit rule: "25%" is the factor 1.25, never 0.25.
        guard case .fixed(let k) = try GrowthText.parse(efficiencyGain, field: NumericField("--efficiency-gain", .dimensionless, .positive)) else {
            throw InputError(field: "--efficiency-gain", expected: "a single number such as 2 or 25%", found: "\"\(efficiencyGain)\"")
        }
        // Below 1 energy per unit of service rises (a loss): nothing is expected to be saved, and the rebound
        // classes (partial: "energy still falls", …) would misdescribe it.
        guard k >= 1 else {
            throw InputError(field: "--efficiency-gain", expected: "a gain of at least 1 (2 = half the energy per unit of service; below 1 is a loss, "
                             + "for which rebound is not defined)", found: "\"\(efficiencyGain)\" (the factor \(ReadableQuantity.number(k, significant: 6)))")
        }
        let etas: [Double]
        switch (elasticity, elasticities) {
        case (let e?, nil):
            etas = [try Self.number(e, field: "--elasticity")]
        case (nil, let list?):
            let parts = list.split(separator: ",", omittingEmptySubsequences: false)
            guard !parts.isEmpty, parts.allSatisfy({ !$0.allSatisfy(\.isWhitespace) }) else {
                throw InputError(field: "--elasticities", expected: "numbers separated by commas (\"-1.5,-1,-0.5,0\")", found: "\"\(list)\"")
            }
            etas = try parts.map { part throws(InputError) in try Self.number(String(part), field: "--elasticities") }
        case (nil, nil):
            throw InputError(field: "--elasticity", expected: "an elasticity (or --elasticities for a table)", found: "neither")
        case (.some, .some):
            throw InputError(field: "--elasticities", expected: "either --elasticity or --elasticities", found: "both")
        }
        let cases = etas.map { Rebound(efficiencyGain: k, elasticity: $0) }
        // k^(-elasticity) overflows when -elasticity × ln k > ln(max double). The input named is the one further
        // from ordinary values: the elasticity when |elasticity| exceeds log2(k) (k = 2 with elasticity -1e308),
        // else the gain (k = 1e300 with elasticity -3); each with its bound given the other.
        // The savings are printed in percent, so k^(-(1 + elasticity)) × 100 must be finite too (elasticity -1020 at
        // k = 2 printed an actual saving of -inf%): the bound is ln(max double / 100).
        let limit = log(Double.greatestFiniteMagnitude / 100)
        // (A k within rounding of 1 is printed in full: "k = 1" could never overflow.)
        for c in cases where !(c.rebound.isFinite && (c.energyFactor * 100).isFinite && (c.demandFactor * 100).isFinite) {
            if abs(c.elasticity) > log2(k) {
                throw InputError(field: elasticity != nil ? "--elasticity" : "--elasticities",
                                 expected: "an elasticity for which the demand factor k^(-elasticity), in percent, is a finite number (above "
                                     + "\(ReadableQuantity.number(-limit / log(k), significant: 6)) for k = \(Distribution.compact(k) == "1" ? "\(k)" : Distribution.compact(k)))",
                                 found: "\(Distribution.compact(c.elasticity)) (k^(-elasticity) overflows)")
            }
            throw InputError(field: "--efficiency-gain",
                             expected: "a gain for which the demand factor k^(-elasticity), in percent, is a finite number (below "
                                 + "\(Distribution.compact(exp(limit / -c.elasticity))) for elasticity \(Distribution.compact(c.elasticity)))",
                             found: "\"\(efficiencyGain)\" (k^(-elasticity) overflows)")
        }
        try destination.write(ReboundReport(cases: cases, single: elasticity != nil).rendered(format.format))
    }

    /// An elasticity: any finite number (the shared quantity parser rejects text, `nan` and `inf`).
    static func number(_ text: String, field: String) throws(InputError) -> Double {
        try QuantityParser.parse(text, as: .dimensionless, field: field)
    }
}

