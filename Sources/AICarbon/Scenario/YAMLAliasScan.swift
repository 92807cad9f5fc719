import CYaml

/// Finds the first YAML alias (`*name`) in a text by reading libyaml's event stream, before anything
/// composes the text into nodes.
///
/// Composing resolves each alias to its anchored node, so a few hundred bytes of nested aliases
/// ("billion laughs") stand for billions of nodes, and walking, hashing or comparing them never ends.
/// Scenario files have no use for aliases: ``ScenarioFile`` refuses every one. The scan takes time
/// linear in the text and stops at the first alias. (It reads the stream with libyaml, the C parser
/// Yams is built on, as Yams' own `Parser` does.)
enum YAMLAliasScan {
    /// The first alias of `text`.
    /// - Parameter text: YAML or JSON.
    /// - Returns: The alias's anchor name and its 1-based line, or `nil` when the text has none (or stops
    ///   being valid YAML before one, which composing then reports).
    static func firstAlias(in text: String) -> (anchor: String, line: Int)? {
        // Nothing can be an alias without a `*`: most files are never parsed twice.
        guard text.utf8.contains(UInt8(ascii: "*")) else { return nil }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer -> (anchor: String, line: Int)? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_ALIAS_EVENT:
                    let anchor = event.data.alias.anchor.map { String(cString: $0) } ?? ""
                    return (anchor, Int(event.start_mark.line) + 1)
                case YAML_STREAM_END_EVENT:
                    return nil
                default:
                    continue
                }
            }
        }
    }
}
