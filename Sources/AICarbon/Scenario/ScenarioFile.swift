import Foundation
import Yams

/// Reads scenario files (YAML, or JSON, which YAML 1.2 includes): a mapping of documented keys, each
/// value a number, a quantity with unit, a distribution or a name. The schema is in `Scenarios/README.md`.
/// A `.json` file must be strict JSON (``JSONSyntaxCheck``), not merely YAML that looks like it.
///
/// Unknown keys, wrong types and bad values are reported with the file, line and column.
public enum ScenarioFile {
    /// Keys that carry an input, with the field each is parsed as.
    static let inputKeys: [String: (InputSlot, NumericField)] = {
        var keys: [String: (InputSlot, NumericField)] = [:]
        for slot in InputSlot.allCases where ![.tdpW, .intensity, .totalParameters].contains(slot) {
            keys[slot.rawValue] = (slot, slot.field(named: slot.rawValue))
        }
        keys["days"] = (.hours, InputRegistry.days.field())
        keys["output_tokens_per_query"] = (.tokensPerQuery, InputRegistry.outputTokensPerQuery.field())
        return keys
    }()
    static let otherKeys = ["name", "description", "kind", "hardware", "params", "grid", "correlations", "simulation", "recipe"]
    static var allKeys: [String] { (Array(inputKeys.keys) + otherKeys).sorted() }

    /// Loads and checks a single-model scenario file.
    /// - Parameter path: The file's path.
    /// - Returns: The scenario.
    /// - Throws: ``InputError`` naming the file, line, column and key.
    public static func load(_ path: String) throws(InputError) -> Scenario {
        guard case .estimate(let scenario) = try loadDocument(path) else {
            throw InputError(field: "kind", expected: "a single-model scenario", found: "a projection", location: InputLocation(file: path))
        }
        return scenario
    }

    /// Loads and checks a scenario file of either kind.
    /// - Parameters:
    ///   - path: The file's path.
    ///   - overrides: `--set key=value` pairs, applied to top-level keys before checking.
    /// - Returns: The estimate or projection.
    /// - Throws: ``InputError`` naming the file, line, column and key.
    public static func loadDocument(_ path: String, overrides: [(key: String, value: String)] = [],
                                    overrideFlags: [String: String] = [:]) throws(InputError) -> ScenarioDocument {
        let data = try readLimited(path)
        guard let text = String(data: data, encoding: .utf8) else { throw notUTF8(data, path: path) }
        return try parseDocument(text, path: path, overrides: overrides, overrideFlags: overrideFlags)
    }

    /// The error for a file that is not UTF-8, at its first invalid byte (line and column) and named by the
    /// key whose value holds it: the key before the last colon ahead of it on that line, else the keys the line is
    /// nested under.
    static func notUTF8(_ data: Data, path: String) -> InputError {
        guard let bad = InvalidUTF8(data) else {
            return InputError(field: "FILE", expected: "UTF-8 text", found: "bytes that are not UTF-8", location: InputLocation(file: path))
        }
        // The lines up to the byte are valid; the rest is read with U+FFFD for what is not.
        let text = String(decoding: data, as: UTF8.self)
        let lineText = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)[bad.line - 1]
        let before = Array(lineText.prefix(bad.column - 1))
        var valueColumn = 1
        if before.first(where: { $0 != " " }) != "#",
           // The last colon before the byte: in a flow mapping (`{chip_hours: 10, name: "caf\xE9"}`) the key just before it.
           let colon = before.indices.last(where: { before[$0] == ":" && ($0 + 1 == before.count || before[$0 + 1] == " ") }) {
            valueColumn = colon + 2
        }
        return InputError(field: YAMLProblem.key(of: text, line: bad.line, column: valueColumn) ?? "FILE", expected: "UTF-8 text",
                          found: "the byte \(bad.hex), which is not UTF-8", location: InputLocation(file: path, line: bad.line, column: bad.column))
    }

    /// The largest scenario file accepted, in bytes (1 MB; the shipped scenarios are a few kilobytes).
    public static let maximumFileSize = 1_000_000

    /// Reads a file of at most ``maximumFileSize`` bytes, never more than one byte past the limit.
    /// - Parameter path: The file's path, or `-` for standard input.
    /// - Returns: Its bytes.
    /// - Throws: ``InputError`` when there is no file, a directory, an unreadable file, or a file too large.
    static func readLimited(_ path: String) throws(InputError) -> Data {
        if path == "-" { return try readLimited(FileHandle.standardInput, path: "standard input") }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(field: "FILE", expected: "a readable scenario file", found: "no file at \"\(path)\"")
        }
        guard !isDirectory.boolValue else {
            throw InputError(field: "FILE", expected: "a scenario file", found: "a directory at \"\(path)\"")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError(field: "FILE", expected: "a readable scenario file", found: "a file that cannot be read at \"\(path)\"")
        }
        defer { try? handle.close() }
        return try readLimited(handle, path: path)
    }

    private static func readLimited(_ handle: FileHandle, path: String) throws(InputError) -> Data {
        // Read one byte more than the limit: a regular file's size, a pipe's or a device's alike.
        let data: Data
        do {
            data = try handle.read(upToCount: maximumFileSize + 1) ?? Data()
        } catch {
            throw InputError(field: "FILE", expected: "a readable scenario file", found: "a read error at \"\(path)\"")
        }
        guard data.count <= maximumFileSize else {
            throw InputError(field: "FILE", expected: "a scenario file of at most \(maximumFileSize / 1_000_000) MB",
                             found: "a larger file at \"\(path)\"", location: InputLocation(file: path))
        }
        return data
    }

    /// Parses scenario text.
    /// - Parameters:
    ///   - text: YAML or JSON.
    ///   - path: The file name, for messages.
    /// - Returns: The scenario.
    /// - Throws: ``InputError`` naming the file, line, column and key.
    public static func parse(_ text: String, path: String) throws(InputError) -> Scenario {
        guard case .estimate(let scenario) = try parseDocument(text, path: path) else {
            throw InputError(field: "kind", expected: "a single-model scenario", found: "a projection", location: InputLocation(file: path))
        }
        return scenario
    }

    /// Parses scenario text of either kind (`kind: projection`, or a `start_year`, makes a projection).
    ///
    /// YAML aliases (`*name`) are refused, in the file and in `--set` values alike, before the text is composed
    /// (``YAMLAliasScan``): nested aliases would stand for billions of nodes.
    ///
    /// A value given with `--set key=value` is not in the file, so its errors are placed at `--set` (not at
    /// the line of the value it replaced), or at the flag `overrideFlags` names for its key (`--set-a`, `--sweep`).
    public static func parseDocument(_ text: String, path: String, overrides: [(key: String, value: String)] = [],
                                     overrideFlags: [String: String] = [:]) throws(InputError) -> ScenarioDocument {
        let overridden = Set(overrides.map(\.key))
        func atSet(_ key: String) -> InputLocation { InputLocation(file: overrideFlags[key] ?? "--set") }
        var document: ScenarioDocument
        do {
            document = try parseDocumentBody(text, path: path, overrides: overrides, overrideFlags: overrideFlags)
        } catch {
            // An override's nodes carry no file position: its errors (`ai_growth`, `simulation.percentiles`)
            // have none, or the file without a line; either way they belong to the flag.
            var e = error
            let key = e.field.split(separator: ".").first.map(String.init) ?? e.field
            if overridden.contains(key), e.location == nil || e.location?.file == path { e.location = atSet(key) }
            throw e
        }
        func placed(_ list: [EstimateSpec.Correlation]) -> [EstimateSpec.Correlation] {
            guard overridden.contains("correlations") else { return list }
            return list.map { var c = $0; c.location = atSet("correlations"); return c }
        }
        switch document {
        case .estimate(var s):
            for key in overridden { s.keyLocations[key] = atSet(key) }
            s.spec.correlations = placed(s.spec.correlations)
            if overridden.contains("simulation") { s.simulation.samplesLocation = atSet("simulation") }
            document = .estimate(s)
        case .projection(var p):
            for key in overridden { p.spec.locations[key] = atSet(key) }
            p.spec.correlations = placed(p.spec.correlations)
            if overridden.contains("simulation") { p.simulation.samplesLocation = atSet("simulation") }
            try ProjectionFile.checkReferenceYears(&p, yearsChanged: overridden.contains("start_year") || overridden.contains("end_year"),
                                                   referencesFlag: overridden.contains("references") ? atSet("references") : nil)
            document = .projection(p)
        }
        return document
    }

    private static func parseDocumentBody(_ text: String, path: String, overrides: [(key: String, value: String)],
                                          overrideFlags: [String: String]) throws(InputError) -> ScenarioDocument {
        let text = leadingTabsAsSpaces(text)
        try checkFlowNesting(text, path: path)
        // A .json file is JSON: what only YAML accepts (a trailing comma, bare words, comments) is refused.
        if isJSON(path), text.contains(where: { !$0.isWhitespace }) { try JSONSyntaxCheck.check(text, path: path) }
        if let alias = YAMLAliasScan.firstAlias(in: text) {
            throw InputError(field: "syntax", expected: "a scenario without YAML aliases (*\(alias.anchor))", found: "an alias",
                             location: InputLocation(file: path, line: alias.line))
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, Self.resolver)
        } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
            // Placed at the second occurrence and named by the keys that hold it (`ai_growth` for a year given
            // twice), which the composer's error does not give; else at the first occurrence it marks.
            guard let duplicate = YAMLDuplicateKeyScan.firstDuplicate(in: text) else {
                let key = duplicates.first ?? "key"
                throw InputError(field: key, expected: "each key once", found: "a second \"\(key)\"",
                                 location: InputLocation(file: path, line: context.mark.line, column: context.mark.column))
            }
            let field = duplicate.path.isEmpty ? duplicate.key : duplicate.path.joined(separator: ".")
            throw InputError(field: field, expected: "each key once",
                             found: "a second \"\(duplicate.key)\" (the first at line \(duplicate.firstLine))",
                             location: InputLocation(file: path, line: duplicate.line, column: duplicate.column))
        } catch let error as YamlError {
            let problem = YAMLProblem(error, in: text, whole: "file")
            throw InputError(field: problem.key ?? "syntax", expected: "valid YAML or JSON: \(problem.expected)", found: problem.found,
                             location: InputLocation(file: path, line: problem.line, column: problem.column))
        } catch {
            throw InputError(field: "syntax", expected: "valid YAML or JSON", found: "\(error)", location: InputLocation(file: path))
        }
        if let root { try checkTags(root, path: path) }
        guard let root, case .mapping(var mapping) = root else {
            throw InputError(field: "scenario", expected: "a mapping of scenario keys (see Scenarios/README.md)",
                             found: root == nil ? "an empty file" : "a \(kind(root!))", location: location(root?.mark, path) ?? InputLocation(file: path, line: 1))
        }
        // A projection by the file's keys or by the overrides (`--set kind=projection`, `--set start_year=…`;
        // the last override of a key wins).
        var declaredKind = mapping[Node("kind")]
        if let given = overrides.last(where: { $0.key == "kind" }) { declaredKind = try overrideNode(key: given.key, value: given.value) }
        let isProjection = declaredKind?.scalar?.string == "projection" || mapping[Node("start_year")] != nil || overrides.contains { $0.key == "start_year" }
        let known = isProjection ? ProjectionFile.allKeys : allKeys
        if isProjection, mapping[Node("kind")]?.scalar?.string != "projection", mapping[Node("start_year")] == nil {
            try checkMadeProjection(mapping, by: overrides, path: path)
        }
        for (key, value) in overrides {
            guard known.contains(key) else {
                // Named by the flag that gave it (`--sweep`, `--set-a`), `set` (shown as `--set`) by default.
                throw InputError(field: overrideFlags[key] ?? "set", expected: "a key of this \(isProjection ? "projection" : "scenario")"
                                 + (closestKeys(to: key, among: known) ?? ""), found: "\"\(key)\"")
            }
            mapping[Node(key)] = try overrideNode(key: key, value: value)
        }
        if isProjection { return .projection(try ProjectionFile.parse(mapping, path: path)) }
        if let kindNode = mapping[Node("kind")], kindNode.scalar?.string != "estimate" {
            throw InputError(field: "kind", expected: "estimate or projection", found: "\"\(kindNode.scalar?.string ?? kind(kindNode))\"",
                             location: location(kindNode.mark, path))
        }
        var spec = EstimateSpec()
        var simulation = ScenarioSimulation()
        var name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        var description: String?
        var keyLocations: [String: InputLocation] = [:]
        var seen: Set<String> = []
        for (keyNode, value) in mapping {
            let at = location(keyNode.mark, path)
            guard case .scalar(let keyScalar) = keyNode else {
                throw InputError(field: "key", expected: "a key name", found: "a \(kind(keyNode))", location: at)
            }
            let key = keyScalar.string
            guard !seen.contains(key) else {
                throw InputError(field: key, expected: "each key once", found: "a second \"\(key)\"", location: at)
            }
            seen.insert(key)
            keyLocations[key] = location(value.mark, path) ?? at
            let valueAt = location(value.mark, path) ?? at
            switch key {
            case "kind": _ = try scalar(value, key: key, at: valueAt, text: true)
            case "name": name = try scalar(value, key: key, at: valueAt, text: true)
            case "description": description = try scalar(value, key: key, at: valueAt, text: true)
            case "hardware": spec.hardware = try scalar(value, key: key, at: valueAt, text: true)
            case "recipe": spec.distilled = try recipe(scalar(value, key: key, at: valueAt, text: true), field: key, location: valueAt)
            case "params":
                spec.parameters = try DistributionParser.parse(scalar(value, key: key, at: valueAt),
                                                               field: NumericField("params", .count, .positive), location: valueAt)
            case "grid":
                spec.grid = try GridChoice(parsing: scalar(value, key: key, at: valueAt), field: "grid", location: valueAt)
            case "correlations":
                spec.correlations = try correlations(value, path: path)
            case "simulation":
                simulation = try simulationSettings(value, path: path)
            default:
                guard let (slot, field) = inputKeys[key] else {
                    throw InputError(field: key, expected: "a scenario key" + (closestKeys(to: key, among: allKeys) ?? " (see Scenarios/README.md)"),
                                     found: "unknown key \"\(key)\"", location: at)
                }
                if slot == .hours, spec[.hours] != nil {
                    throw InputError(field: key, expected: "one of hours and days", found: "both", location: at)
                }
                spec[slot] = try DistributionParser.parse(scalar(value, key: key, at: valueAt), field: field, location: valueAt)
            }
        }
        return .estimate(Scenario(name: name, description: description, path: path, spec: spec, simulation: simulation,
                                  keyLocations: keyLocations))
    }

    /// Refuses an override that makes an estimate file a projection (`--set kind=projection`, `--set start_year=…`)
    /// when the file has a key a projection does not take: the fault is the override's, so it is named (and placed
    /// at its flag by ``parseDocument(_:path:overrides:overrideFlags:)``), not the file's first estimate key.
    static func checkMadeProjection(_ mapping: Node.Mapping, by overrides: [(key: String, value: String)], path: String) throws(InputError) {
        let projectionKeys = Set(ProjectionFile.allKeys)
        guard let cause = overrides.last(where: { $0.key == "kind" && $0.value.trimmingWhitespace() == "projection" })
                ?? overrides.last(where: { $0.key == "start_year" }),
              let keyNode = mapping.keys.first(where: { !projectionKeys.contains($0.scalar?.string ?? "") }) else { return }
        let line = keyNode.mark.map { " at line \($0.line)" } ?? ""
        let estimate = "as \(path) is: its key \(keyNode.scalar?.string ?? kind(keyNode))\(line) is not a projection key"
        throw InputError(field: cause.key, expected: cause.key == "kind" ? "estimate, \(estimate)" : "no start_year on an estimate, \(estimate)",
                         found: "\"\(cause.value)\"")
    }

    /// Whether `path` names a JSON file (`.json`, in any case), which must then be strict JSON.
    static func isJSON(_ path: String) -> Bool {
        URL(fileURLWithPath: path).pathExtension.lowercased() == "json"
    }

    /// The node a `--set key=value` gives: when the value starts with `{` or `[`, a YAML flow mapping or
    /// list read as the file reads it (`ai_growth={2025: 1.2, 2031: 1.05}`, `correlations=[[mfu, pue, -0.3]]`,
    /// `simulation={samples: 20000, percentiles: [1, 99]}`); else the value as one scalar. Its nodes carry
    /// no file position, so that its errors are placed at the flag, not at a line of the file.
    /// - Parameters:
    ///   - key: The key set.
    ///   - value: The text after `=`.
    /// - Returns: The node.
    /// - Throws: ``InputError`` for `key` when the flow text is not valid YAML (what was expected and found
    ///   there, as ``YAMLProblem`` words it), nests too deep, has tags or has an alias (``YAMLAliasScan``).
    static func overrideNode(key: String, value: String) throws(InputError) -> Node {
        let trimmed = value.trimmingWhitespace()
        guard let first = trimmed.first, first == "{" || first == "[" else { return Node(value) }
        if let alias = YAMLAliasScan.firstAlias(in: trimmed) {
            throw InputError(field: key, expected: "a value without YAML aliases (*\(alias.anchor))", found: "an alias")
        }
        let node: Node?
        do {
            try checkFlowNesting(trimmed, path: key)
            node = try Yams.compose(yaml: trimmed, Self.resolver)
            if let node { try checkTags(node, path: key, field: key) }
        } catch let error as InputError {
            throw InputError(field: key, expected: "\(overrideUsage(key)): \(error.expected)", found: "\(error.found) in \"\(trimmed)\"")
        } catch let error as YamlError {
            let problem = YAMLProblem(error, in: trimmed, whole: "value")
            // A position on the value's one line (not its end, which the words already say).
            let inside = problem.line == 1 && (problem.column ?? .max) <= trimmed.unicodeScalars.count
            let place = inside ? " at character \(problem.column!) of \"\(trimmed)\"" : " in \"\(trimmed)\""
            throw InputError(field: key, expected: "\(overrideUsage(key)): \(problem.expected)", found: problem.found + place)
        } catch {
            throw InputError(field: key, expected: overrideUsage(key), found: "\"\(trimmed)\"")
        }
        guard let node else { throw InputError(field: key, expected: overrideUsage(key), found: "nothing") }
        return unmarked(node)
    }

    /// What a `--set` value of `key` written in brackets may be, for its errors (the form `key` takes, not
    /// every form: a year map is no correlation list).
    static func overrideUsage(_ key: String) -> String {
        switch key {
        case "correlations": return "a list such as [[mfu, pue, -0.3]]"
        case "simulation": return "a mapping such as {samples: 20000, percentiles: [1, 99]}"
        case "references": return "a list such as [{year: 2030, value: 945 TWh, label: IEA 2025 Base}]"
        default: return "a value, a {year: value} mapping such as {2025: 1.2, 2031: 1.05}"
        }
    }

    /// `node` with every file position removed (keys, values and items alike).
    static func unmarked(_ node: Node) -> Node {
        switch node {
        case .scalar(var s):
            s.mark = nil
            return .scalar(s)
        case .mapping(var m):
            m = Node.Mapping(m.map { (unmarked($0.key), unmarked($0.value)) }, m.tag, m.style, nil)
            return .mapping(m)
        case .sequence(let q):
            return .sequence(Node.Sequence(q.map(unmarked), q.tag, q.style, nil))
        case .alias:
            return node
        }
    }

    /// The deepest nesting of `[` and `{` accepted in a scenario file (the schema needs 2).
    public static let maximumFlowNesting = 64

    /// Refuses text whose brackets nest deeper than ``maximumFlowNesting`` (counted over the whole text,
    /// quotes included, which can only overcount), so that the YAML parser never recurses deeply.
    static func checkFlowNesting(_ text: String, path: String) throws(InputError) {
        var depth = 0, line = 1
        for c in text.utf8 {
            switch c {
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maximumFlowNesting {
                    throw InputError(field: "syntax", expected: "[ and { nested at most \(maximumFlowNesting) deep",
                                     found: "deeper nesting", location: InputLocation(file: path, line: line))
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
            case UInt8(ascii: "\n"): line += 1
            default: break
            }
        }
    }

    /// `text` with the tabs before a document's opening `{` or `[` made spaces (the same columns). JSON takes a
    /// tab as whitespace anywhere, and YAML inside a flow mapping or list does too, but before the first `{`
    /// YAML reads indentation, where a tab is refused: a valid JSON file that began with a tab was refused as
    /// `found a tab character`. Text that does not open with `{` or `[` is left as it is.
    /// - Parameter text: A scenario's text.
    /// - Returns: The text to parse.
    static func leadingTabsAsSpaces(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }), text[first] == "{" || text[first] == "[",
              text[..<first].contains("\t") else { return text }
        return text[..<first].replacingOccurrences(of: "\t", with: " ") + text[first...]
    }

    /// The resolver scenario text is composed with: none of YAML's rules, so an untagged value is text (`!!str`)
    /// and a tag seen on a node is one written in the file. (With the core rules, a tag is resolved in place
    /// when a node is compared or hashed, and `null`, `true` or `2024` would read as tagged `!!null`, `!!bool`,
    /// `!!int`.) Every value is read from its text either way.
    static let resolver = Resolver.basic

    /// The YAML core schema's tags; any other (`!!python/object`, `!custom`) is refused.
    static let coreTags: Set<String> = ["str", "int", "float", "bool", "null", "map", "seq", "timestamp", "merge", "value"]
        .reduce(into: []) { $0.insert(coreTagPrefix + $1) }

    /// The prefix of the YAML core schema's tags as libyaml reports them (`!!str` is `tag:yaml.org,2002:str`).
    static let coreTagPrefix = "tag:yaml.org,2002:"

    /// Refuses tags outside the YAML core schema anywhere in `node`, and a mapping or list tagged as another kind
    /// (`ai_growth: !!str {2025: 1.2}`), named by its top-level key (`field` for the root, if given).
    static func checkTags(_ node: Node, path: String, field: String? = nil) throws(InputError) {
        var stack: [(node: Node, field: String?)] = [(node, field)]
        while let (n, field) = stack.popLast() {
            let tag = n.tag.description
            guard tag.isEmpty || tag == "!" || tag == "?" || coreTags.contains(tag) else {
                throw InputError(field: "syntax", expected: "plain YAML values (no tags such as !!python/object)",
                                 found: "the tag \"\(tag)\"", location: location(n.mark, path) ?? InputLocation(file: path))
            }
            let own: String
            switch n {
            case .mapping(let m):
                own = "map"
                for (k, v) in m { stack.append((k, field)); stack.append((v, field ?? k.scalar?.string)) }
            case .sequence(let items):
                own = "seq"
                stack.append(contentsOf: items.map { ($0, field) })
            default: continue
            }
            if coreTags.contains(tag), tag != coreTagPrefix + own {
                let name = own == "map" ? "mapping" : "list"
                throw InputError(field: field ?? "scenario", expected: "a \(name), untagged or tagged !!\(own)",
                                 found: "a \(name) tagged !!\(tag.dropFirst(coreTagPrefix.count))",
                                 location: location(n.mark, path) ?? InputLocation(file: path))
            }
        }
    }

    /// "; did you mean a or b?" for the keys closest to a misspelled `key`, or `nil` if none is close.
    static func closestKeys(to key: String, among keys: [String]) -> String? {
        let close = NameIndex(keys.map { [$0] }).suggestions(for: key).map { keys[$0] }
        return close.isEmpty ? nil : "; did you mean \(close.joined(separator: " or "))?"
    }

    /// The text of a single value.
    /// - Parameters:
    ///   - node: The value's node.
    ///   - key: The key it is given for, for errors.
    ///   - at: Where it was given.
    ///   - text: Whether the key takes a name or text (`name`, `hardware`, `simulation.method`), else a number,
    ///     quantity or distribution; a tag that contradicts it is refused (``checkTag(_:key:at:text:)``).
    /// - Returns: The value as written.
    /// - Throws: ``InputError`` for a mapping or list, a contradicting tag, or nothing.
    static func scalar(_ node: Node, key: String, at: InputLocation?, text: Bool = false) throws(InputError) -> String {
        guard case .scalar(let s) = node else {
            throw InputError(field: key, expected: "a single value (number, quantity, distribution or name)", found: "a \(kind(node))", location: at)
        }
        try checkTag(s, key: key, at: at, text: text)
        guard !s.string.isEmpty || s.style != .plain else {
            throw InputError(field: key, expected: "a value", found: "nothing", location: at)
        }
        return s.string
    }

    /// Refuses a value whose YAML tag contradicts what its key takes: a scenario value is a number, a quantity, a
    /// distribution or a name, read from its text, so `!!null 1.10` and `!!bool 1.10` (read as 1.1 before) are
    /// refused, as are `!!int` or `!!float` on text that is not such a number (`!!float 300 W`) or on a key that
    /// takes a name. `!!str` is text, which every key reads; untagged values are read as before.
    /// - Parameters:
    ///   - s: The value.
    ///   - key: The key it is given for.
    ///   - at: Where it was given.
    ///   - text: Whether the key takes a name or text, else a number, quantity or distribution.
    static func checkTag(_ s: Node.Scalar, key: String, at: InputLocation?, text: Bool = false) throws(InputError) {
        let tag = s.tag.description
        // Untagged (`?`, `!` for quoted text); tags outside the core schema are refused by checkTags.
        guard tag.hasPrefix(coreTagPrefix) else { return }
        let name = String(tag.dropFirst(coreTagPrefix.count))
        // Text, as every untagged value resolves: read as it is, without a look at its (maybe long) text.
        guard name != "str" else { return }
        let value = s.string.trimmingWhitespace()
        switch name {
        case "int" where !text && Int(value) != nil: return
        case "float" where !text && Double(value) != nil: return
        default:
            let expected = text ? "a name or text: untagged or !!str"
                : "a number, quantity or distribution: untagged, !!str, or !!int or !!float on a plain number"
            throw InputError(field: key, expected: expected, found: "\"\(s.string)\" tagged !!\(name)", location: at)
        }
    }

    /// `scratch` (trained from scratch, the default) or `distilled` (pruned and distilled from a larger model).
    /// - Returns: Whether the recipe is `distilled`.
    public static func recipe(_ text: String, field: String, location: InputLocation? = nil) throws(InputError) -> Bool {
        switch text.trimmingWhitespace().lowercased() {
        case "scratch": return false
        case "distilled": return true
        default: throw InputError(field: field, expected: "scratch or distilled", found: "\"\(text)\"", location: location)
        }
    }

    static func correlations(_ node: Node, path: String) throws(InputError) -> [EstimateSpec.Correlation] {
        let at = location(node.mark, path)
        guard case .sequence(let items) = node else {
            throw InputError(field: "correlations", expected: "a list of [input, input, rank correlation]", found: "a \(kind(node))", location: at)
        }
        var list: [EstimateSpec.Correlation] = []
        for item in items {
            let itemAt = location(item.mark, path)
            guard case .sequence(let triple) = item, triple.count == 3,
                  case .scalar(let a) = triple[0], case .scalar(let b) = triple[1], case .scalar(let r) = triple[2] else {
                throw InputError(field: "correlations", expected: "[input, input, rank correlation] such as [mfu, pue, -0.3]",
                                 found: "a \(kind(item))", location: itemAt)
            }
            try checkTag(a, key: "correlations", at: itemAt, text: true)
            try checkTag(b, key: "correlations", at: itemAt, text: true)
            try checkTag(r, key: "correlations", at: itemAt)
            guard let rho = Double(r.string), rho.isFinite else {
                throw InputError(field: "correlations", expected: "a rank correlation strictly between -1 and 1", found: "\"\(r.string)\"", location: itemAt)
            }
            list.append(EstimateSpec.Correlation(first: a.string, second: b.string, rho: rho, location: itemAt))
        }
        return list
    }

    static func simulationSettings(_ node: Node, path: String) throws(InputError) -> ScenarioSimulation {
        guard case .mapping(let mapping) = node else {
            throw InputError(field: "simulation", expected: "a mapping (samples, seed, method, generator, percentiles)",
                             found: "a \(kind(node))", location: location(node.mark, path))
        }
        var s = ScenarioSimulation()
        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? ""
            let at = location(value.mark, path) ?? location(keyNode.mark, path)
            switch key {
            case "samples":
                s.samplesLocation = at
                let samples = try NumericField("simulation.samples", .count, .positiveInteger).parse(scalar(value, key: "simulation.samples", at: at),
                                                                                                     location: at)
                guard samples <= 1e12 else {
                    throw InputError(field: "simulation.samples", expected: "a whole number from 1 to 1,000,000,000,000",
                                     found: "\"\(value.scalar?.string ?? "")\"", location: at)
                }
                s.samples = Int(samples)
            case "seed":
                guard let seed = UInt64(try scalar(value, key: "simulation.seed", at: at)) else {
                    throw InputError(field: "simulation.seed", expected: "a whole number from 0 to 2^64 - 1", found: "\"\(value.scalar?.string ?? "")\"", location: at)
                }
                s.seed = seed
            case "method":
                let text = try scalar(value, key: "simulation.\(key)", at: at, text: true)
                guard let m = SamplingMethod(rawValue: text) else {
                    throw InputError(field: "simulation.method", expected: "mc, lhs or sobol", found: "\"\(text)\"", location: at)
                }
                s.method = m
            case "generator":
                let text = try scalar(value, key: "simulation.\(key)", at: at, text: true)
                guard let g = GeneratorKind(rawValue: text) else {
                    throw InputError(field: "simulation.generator", expected: "mt19937, ranlxd2 or taus2", found: "\"\(text)\"", location: at)
                }
                s.generator = g
            case "percentiles":
                guard case .sequence(let items) = value else {
                    throw InputError(field: "simulation.percentiles", expected: "a list such as [1, 99]", found: "a \(kind(value))", location: at)
                }
                guard items.count <= ScenarioSimulation.maximumPercentiles else {
                    throw InputError(field: "simulation.percentiles", expected: "at most \(ScenarioSimulation.maximumPercentiles) percentiles",
                                     found: "\(items.count)", location: at)
                }
                for item in items {
                    if let s = item.scalar { try checkTag(s, key: "simulation.percentiles", at: location(item.mark, path)) }
                    guard let p = item.scalar.flatMap({ Double($0.string) }), p > 0, p < 100 else {
                        throw InputError(field: "simulation.percentiles", expected: "percentiles between 0 and 100",
                                         found: "\"\(item.scalar?.string ?? kind(item))\"", location: location(item.mark, path))
                    }
                    try OutputSummary.checkAskable(p, typed: item.scalar?.string ?? "", field: "simulation.percentiles",
                                                   location: location(item.mark, path))
                    s.percentiles.append(p)
                }
            default:
                throw InputError(field: "simulation.\(key)", expected: "samples, seed, method, generator or percentiles",
                                 found: "unknown key \"\(key)\"", location: location(keyNode.mark, path))
            }
        }
        return s
    }

    static func location(_ mark: Mark?, _ path: String) -> InputLocation? {
        mark.map { InputLocation(file: path, line: $0.line, column: $0.column) }
    }

    static func kind(_ node: Node) -> String {
        switch node {
        case .scalar: return "single value"
        case .mapping: return "mapping"
        case .sequence: return "list"
        case .alias: return "alias"
        }
    }
}
