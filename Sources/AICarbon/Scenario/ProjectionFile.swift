import Foundation
import Yams

/// Reads the projection form of a scenario file (`kind: projection`): `start_year`, `end_year` and the
/// drivers of ``ProjectionSpec/keys``; growth drivers and `*_points` may be `{year: value}` mappings.
enum ProjectionFile {
    static let otherKeys = ["name", "description", "kind", "start_year", "end_year", "pue_target_year", "grid_target_year",
                            "hardware", "grid", "correlations", "simulation", "references"]
    static var allKeys: [String] { (Array(ProjectionSpec.keys.keys) + otherKeys).sorted() }

    static func parse(_ mapping: Node.Mapping, path: String) throws(InputError) -> ProjectionScenario {
        var name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        var description: String?
        var years: [String: Int] = [:]
        var simulation = ScenarioSimulation()
        var hardware: String?, grid: GridChoice?
        var scalars: [String: Distribution] = [:], paths: [String: [(year: Int, value: Distribution)]] = [:]
        var correlations: [EstimateSpec.Correlation] = []
        var references: [ReferencePoint] = []
        var locations: [String: InputLocation] = [:]
        var seen: Set<String> = []
        for (keyNode, value) in mapping {
            let at = ScenarioFile.location(keyNode.mark, path) ?? InputLocation(file: path)
            guard case .scalar(let k) = keyNode else {
                throw InputError(field: "key", expected: "a key name", found: "a \(ScenarioFile.kind(keyNode))", location: at)
            }
            let key = k.string
            guard seen.insert(key).inserted else {
                throw InputError(field: key, expected: "each key once", found: "a second \"\(key)\"", location: at)
            }
            let valueAt = ScenarioFile.location(value.mark, path) ?? at
            locations[key] = valueAt
            switch key {
            case "kind":
                let text = try ScenarioFile.scalar(value, key: key, at: valueAt, text: true)
                guard text == "projection" else {
                    throw InputError(field: key, expected: "projection (with start_year)", found: "\"\(text)\"", location: valueAt)
                }
            case "name": name = try ScenarioFile.scalar(value, key: key, at: valueAt, text: true)
            case "description": description = try ScenarioFile.scalar(value, key: key, at: valueAt, text: true)
            case "hardware": hardware = try ScenarioFile.scalar(value, key: key, at: valueAt, text: true)
            case "grid": grid = try GridChoice(parsing: ScenarioFile.scalar(value, key: key, at: valueAt), field: "grid", location: valueAt)
            case "correlations": correlations = try ScenarioFile.correlations(value, path: path)
            case "simulation": simulation = try ScenarioFile.simulationSettings(value, path: path)
            case "references": references = try self.references(value, path: path)
            case let y where ProjectionSpec.yearKeys.contains(y):
                years[key] = try year(ScenarioFile.scalar(value, key: key, at: valueAt), key: key, at: valueAt)
            default:
                guard let (field, allowsPath) = ProjectionSpec.keys[key] else {
                    throw InputError(field: key, expected: "a projection key" + (ScenarioFile.closestKeys(to: key, among: allKeys) ?? " (see Scenarios/README.md)"),
                                     found: "unknown key \"\(key)\"", location: at)
                }
                if case .mapping(let entries) = value {
                    guard allowsPath else {
                        throw InputError(field: key, expected: "a single value (number, quantity or distribution)", found: "a mapping", location: valueAt)
                    }
                    var list: [(year: Int, value: Distribution)] = []
                    for (yearNode, v) in entries {
                        let yearAt = ScenarioFile.location(yearNode.mark, path) ?? valueAt
                        if let s = yearNode.scalar { try ScenarioFile.checkTag(s, key: key, at: yearAt) }
                        let y = try year(yearNode.scalar?.string ?? "", key: key, at: yearAt)
                        // Written differently (2025 and 02025), the YAML reader takes them for two keys.
                        guard !list.contains(where: { $0.year == y }) else {
                            throw InputError(field: key, expected: "each year once", found: "a second \(y)", location: yearAt)
                        }
                        let vAt = ScenarioFile.location(v.mark, path) ?? yearAt
                        list.append((y, try parseValue(ScenarioFile.scalar(v, key: key, at: vAt), key: key, field: field, location: vAt)))
                    }
                    guard !list.isEmpty else {
                        throw InputError(field: key, expected: "at least one year: value", found: "an empty mapping", location: valueAt)
                    }
                    paths[key] = list
                } else if key.hasSuffix("_points") {
                    throw InputError(field: key, expected: "a mapping of year: value, such as {2024: 0.48, 2030: 0.35}",
                                     found: "a \(ScenarioFile.kind(value))", location: valueAt)
                } else {
                    scalars[key] = try parseValue(ScenarioFile.scalar(value, key: key, at: valueAt), key: key, field: field, location: valueAt)
                }
            }
        }
        guard let start = years["start_year"] else {
            throw InputError(field: "start_year", expected: "the first year of the projection", found: "nothing", location: InputLocation(file: path))
        }
        guard let end = years["end_year"] else {
            throw InputError(field: "end_year", expected: "the last year of the projection", found: "nothing", location: InputLocation(file: path))
        }
        var spec = ProjectionSpec(startYear: start, endYear: end)
        spec.hardware = hardware
        spec.grid = grid
        spec.scalars = scalars
        spec.paths = paths
        spec.correlations = correlations
        spec.references = references
        spec.locations = locations
        var targets = years
        targets.removeValue(forKey: "start_year")
        targets.removeValue(forKey: "end_year")
        return ProjectionScenario(name: name, description: description, path: path, spec: spec, targetYears: targets,
                                  simulation: simulation)
    }

    /// A driver's value: growth keys under the growth-unit rule (``GrowthText``), others as distributions.
    static func parseValue(_ text: String, key: String, field: NumericField, location: InputLocation?) throws(InputError) -> Distribution {
        GrowthText.keys.contains(key)
            ? try GrowthText.parse(text, field: field, location: location)
            : try DistributionParser.parse(text, field: field, location: location)
    }

    /// `references:`, a list of `{year, value, label, output}` (output `energy_kwh` unless given), each
    /// value a quantity in the output's kind (`945 TWh`).
    static func references(_ node: Node, path: String) throws(InputError) -> [ReferencePoint] {
        let at = ScenarioFile.location(node.mark, path)
        let usage = "a list of {year: 2030, value: 945 TWh, label: IEA 2025 Base, output: energy_kwh}"
        guard case .sequence(let items) = node else {
            throw InputError(field: "references", expected: usage, found: "a \(ScenarioFile.kind(node))", location: at)
        }
        var list: [ReferencePoint] = []
        for item in items {
            let itemAt = ScenarioFile.location(item.mark, path) ?? at
            guard case .mapping(let fields) = item else {
                throw InputError(field: "references", expected: usage, found: "a \(ScenarioFile.kind(item))", location: itemAt)
            }
            var entries: [String: (text: String, at: InputLocation?)] = [:]
            for (keyNode, value) in fields {
                let key = keyNode.scalar?.string ?? ""
                let valueAt = ScenarioFile.location(value.mark, path) ?? itemAt
                guard ["year", "value", "label", "output"].contains(key) else {
                    throw InputError(field: "references", expected: "year, value, label and output", found: "\"\(key)\"", location: valueAt)
                }
                entries[key] = (try ScenarioFile.scalar(value, key: "references", at: valueAt, text: key == "label" || key == "output"), valueAt)
            }
            guard let yearText = entries["year"], let valueText = entries["value"], let label = entries["label"] else {
                throw InputError(field: "references", expected: usage, found: "an entry without year, value or label", location: itemAt)
            }
            let outputText = entries["output"]?.text ?? OutputName.energyKWh.rawValue
            guard let output = OutputName(rawValue: outputText) else {
                throw InputError(field: "references", expected: "an output name such as energy_kwh or co2e_kg", found: "\"\(outputText)\"",
                                 location: entries["output"]?.at ?? itemAt)
            }
            let year = try self.year(yearText.text, key: "references", at: yearText.at)
            let value = try referenceValue(valueText.text, output: output, at: valueText.at)
            list.append(ReferencePoint(year: year, output: output, value: value, label: label.text, location: yearText.at))
        }
        return list
    }

    /// A reference's value: a quantity of the output's kind, 0 or more unless the output can be negative (the
    /// rebound), and within the magnitudes an input may have (``InputError/extremeMagnitudes``); `-945 TWh`
    /// and `1e200 TWh` were drawn on the chart.
    static func referenceValue(_ text: String, output: OutputName, at: InputLocation?) throws(InputError) -> Double {
        let value = try NumericField("references", output.kind, output.kind == .dimensionless ? .real : .nonNegative)
            .parse(text, location: at)
        let (small, large) = InputError.extremeMagnitudes
        guard value == 0 || (small...large).contains(abs(value)) else {
            let unit = output.kind.baseUnit.isEmpty ? "" : " \(output.kind.baseUnit)"
            throw InputError(field: "references", expected: "a published figure for \(output.rawValue) of 0 or from "
                             + "\(Distribution.compact(small))\(unit) to \(Distribution.compact(large))\(unit) in magnitude",
                             found: "\"\(text.trimmingWhitespace())\" (\(Distribution.compact(value))\(unit))", location: at)
        }
        return value
    }

    /// Checks that each reference is for a year the projection projects, once its years are final.
    ///
    /// A reference outside them (`{year: 1900, …}` stretched the chart's axis back to 1900) is refused at its
    /// year, or at the flag that gave `references`. When the years were changed on the command line and the
    /// references are the file's (`--set end_year=2030` on a file with a 2035 figure), the references of
    /// years no longer projected are left off instead: the file's figures are right for the file's years.
    /// - Parameters:
    ///   - scenario: The projection, its references checked or left off.
    ///   - yearsChanged: Whether `start_year` or `end_year` came from the command line.
    ///   - referencesFlag: Where `references` came from when the command line gave it (`--set`, `--sweep`).
    static func checkReferenceYears(_ scenario: inout ProjectionScenario, yearsChanged: Bool,
                                    referencesFlag: InputLocation?) throws(InputError) {
        let spec = scenario.spec
        guard spec.startYear <= spec.endYear else { return }  // refused when resolved, naming end_year
        let outside = { (r: ReferencePoint) in r.year < spec.startYear || r.year > spec.endYear }
        if yearsChanged, referencesFlag == nil {
            scenario.spec.references.removeAll(where: outside)
        } else if let reference = spec.references.first(where: outside) {
            throw InputError(field: "references", expected: "a year the projection projects, \(spec.startYear) to \(spec.endYear)",
                             found: "\(reference.year) (\(reference.label))", location: referencesFlag ?? reference.location)
        }
    }

    static func year(_ text: String, key: String, at: InputLocation?) throws(InputError) -> Int {
        guard let y = Int(text.trimmingWhitespace()), (1900...2300).contains(y) else {
            throw InputError(field: key, expected: "a year such as 2030", found: "\"\(text)\"", location: at)
        }
        return y
    }
}
