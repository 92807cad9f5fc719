import AICarbon
import Foundation
import ArgumentParser

/// `aicarbon schema`: the scenario keys, with type, unit, domain and default.
public struct SchemaCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "List the scenario keys: type, unit, allowed values, default, and which scenarios take them.",
        discussion: """
            One row per input of the input registry (the keys of scenario files, the flags of estimate), then the \
            structural keys. Numbers accept a distribution wherever a value does (see README, Uncertainty).
            Examples:
              aicarbon schema
              aicarbon schema --format json
            """)

    @Option(help: "Output format: table, json or csv.")
    var format: FormatOption = .table
    @OptionGroup var outputFile: OutputFileOption

    public init() {}

    public func run() throws {
        let destination = outputFile.destination
        try destination.check()
        try destination.write(Self.rendered(format.format))
    }

    /// One key of the schema.
    struct Row {
        var key: String, flag: String, scope: String, type: String, unit: String, domain: String, yearPath: Bool, defaultValue: String,
            summary: String
    }

    /// The defaults the estimate and projection models assume when a key is not given (`Defaults`).
    static let defaults: [String: String] = {
        var table: [String: String] = [:]
        for a in [Defaults.pue, Defaults.powerUtilization, Defaults.hostOverhead, Defaults.mfu, Defaults.inferenceUtilization,
                  Defaults.developmentMultiplier, Defaults.embodiedPerChip, Defaults.lifetime, Defaults.inUse, Defaults.wueOnsite, Defaults.waterIntensity] {
            table[a.input] = "\(a.distribution)" + (a.unit.isEmpty ? "" : " \(a.unit)")
        }
        table["mfu"] = "by the accelerator's release year (planning prior)"
        table["inference_share"] = "\(Defaults.inferenceShare)"
        table["elasticity"] = "0 (no rebound)"
        // The projection model's fallbacks (ProjectionSpec), as Scenarios/README.md documents them.
        table["efficiency_gain"] = "1 (no gain)"
        table["flop_per_joule_growth"] = "1.2 to 1.4 (Epoch AI)"
        table["tokens_per_param"] = "20 (Hoffmann et al. 2022)"
        table["grid"] = Defaults.gridName
        return table
    }()

    /// How a key is given on the command line, or `""` when it is not: the flag of an input `estimate`
    /// takes (every flag shown is accepted by `estimate`); `--set KEY=…` (on `run` and `compare`) for a key
    /// only projections take; nothing for a key read from the catalog (`tdp`, from `--hardware`).
    static func flag(_ definition: InputDefinition) -> String {
        if definition.scopes.contains(.estimate) { return definition.flag }
        if definition.scopes.contains(.projection) { return "--set \(definition.key)=…" }
        return ""
    }

    /// The flags of the structural keys: `--hardware`, `--recipe` (estimate), `--set KEY=…` for the ones a
    /// scenario file's projection takes.
    static let structuralFlags: [String: String] = [
        "hardware": "--hardware", "recipe": "--recipe", "correlations": "--set correlations=…", "start_year": "--set start_year=…",
        "end_year": "--set end_year=…", "pue_target_year": "--set pue_target_year=…", "grid_target_year": "--set grid_target_year=…",
    ]

    static func typeName(_ kind: QuantityKind) -> String {
        switch kind {
        case .power: return "power"
        case .energy: return "energy"
        case .duration: return "duration"
        case .mass: return "mass"
        case .carbonIntensity: return "carbon intensity"
        case .volume: return "volume"
        case .waterIntensity: return "water intensity"
        case .count: return "count"
        case .flops: return "FLOP"
        case .flopRate: return "FLOP/s"
        case .dimensionless: return "number"
        }
    }

    static var rows: [Row] {
        var rows = InputRegistry.all.map { d -> Row in
            let scope = d.scopes == .both ? "both" : (d.scopes.contains(.projection) ? "projection" : (d.scopes.isEmpty ? "derived" : "estimate"))
            let growth = GrowthText.keys.contains(d.key)
            return Row(key: d.key, flag: flag(d), scope: scope, type: typeName(d.kind) + (growth ? " (factor a year; 30% = 1.30)" : ""),
                       unit: d.defaultUnit ?? d.unit, domain: d.domain.text, yearPath: d.yearPath,
                       defaultValue: defaults[d.key] ?? "", summary: d.summary)
        }
        let structural: [(String, String, String, String)] = [
            ("name", "both", "text", "the scenario's name (default: the file name)"),
            ("description", "both", "text", "one line shown with the results"),
            ("kind", "both", "estimate or projection", "projection when start_year is given"),
            ("hardware", "both", "name", "a catalog accelerator (aicarbon catalog hardware); bottom-up projections only"),
            ("grid", "both", "name or carbon intensity", "a catalog grid (aicarbon catalog grids) or a distribution in kg/kWh; default WORLD"),
            ("recipe", "estimate", "name", "the training recipe (pruned, distilled)"),
            ("correlations", "both", "list", "[input, input, rank correlation], each pair once"),
            ("simulation", "both", "mapping", "samples, seed, method, generator, percentiles"),
            ("start_year", "projection", "year", "the first year"),
            ("end_year", "projection", "year", "the last year"),
            ("pue_target_year", "projection", "year", "the year pue_target is reached"),
            ("grid_target_year", "projection", "year", "the year grid_target is reached"),
            ("references", "projection", "list", "{year, value, label, output} points drawn with the fan chart"),
        ]
        for (key, scope, type, summary) in structural where !rows.contains(where: { $0.key == key }) {
            rows.append(Row(key: key, flag: structuralFlags[key] ?? "", scope: scope, type: type, unit: "", domain: "", yearPath: false, defaultValue: "",
                            summary: summary))
        }
        return rows
    }

    static func rendered(_ format: OutputFormat) -> String {
        let rows = rows
        switch format {
        case .json:
            return JSONValue.array(rows.map { r in
                .object([("key", .string(r.key)), ("flag", r.flag.isEmpty ? .null : .string(r.flag)), ("scope", .string(r.scope)),
                         ("type", .string(r.type)), ("unit", .string(r.unit)), ("domain", .string(r.domain)),
                         ("year_path", .bool(r.yearPath)), ("default", r.defaultValue.isEmpty ? .null : .string(r.defaultValue)),
                         ("description", .string(r.summary))])
            }).rendered() + "\n"
        case .csv:
            let header = ["key", "flag", "scope", "type", "unit", "domain", "year_path", "default", "description"]
            let lines = [header] + rows.map { r in
                [r.key, r.flag, r.scope, r.type, r.unit, r.domain, r.yearPath ? "true" : "false", r.defaultValue, r.summary]
            }
            return lines.map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\n") + "\n"
        case .table:
            return TextTable(header: ["key", "flag", "scope", "type", "unit", "values", "default", "description"],
                             rows: rows.map { r in
                                 [r.key + (r.yearPath ? " ({year: value})" : ""), r.flag.isEmpty ? "-" : r.flag, r.scope, r.type, r.unit, r.domain,
                                  r.defaultValue.isEmpty ? "-" : r.defaultValue, r.summary]
                             }).rendered()
        }
    }

    /// A CSV field, quoted with doubled quotes when it holds a comma, a quote or a line break (RFC 4180).
    static func csvField(_ text: String) -> String {
        guard text.contains(",") || text.contains("\"") || text.contains("\n") else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
