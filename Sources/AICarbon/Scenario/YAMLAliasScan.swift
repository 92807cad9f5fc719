import CYaml

/// Finds the first YAML alias (`*name`) in a text by reading libyaml's event stream (``YAMLEventScan``), before anything
/// composes the text into nodes.
///
/// Composing resolves each alias to its anchored node, so a few hundred bytes of nested aliases
/// ("billion laughs") stand for billions of nodes, and walking, hashing or comparing them never ends.
/// Scenario files have no use for aliases: ``ScenarioFile`` refuses every one. The scan takes time
/// linear in the text and stops at the first alias.
enum YAMLAliasScan {
    /// The first alias of `text`.
    /// - Parameter text: YAML or JSON.
    /// - Returns: The alias's anchor name and its 1-based line, or `nil` when the text has none (or stops
    ///   being valid YAML before one, which composing then reports).
    static func firstAlias(in text: String) -> (anchor: String, line: Int)? {
        // Nothing can be an alias without a `*`: most files are never parsed twice.
        guard text.utf8.contains(UInt8(ascii: "*")) else { return nil }
        return YAMLEventScan.first(in: text) { event in
            guard event.type == YAML_ALIAS_EVENT else { return nil }
            let anchor = event.data.alias.anchor.map { String(cString: $0) } ?? ""
            return (anchor, Int(event.start_mark.line) + 1)
        }
    }
}
