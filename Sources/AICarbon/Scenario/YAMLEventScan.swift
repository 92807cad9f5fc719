import CYaml

/// Reads a YAML text's libyaml event stream (the C parser Yams is built on, read as Yams' own `Parser`
/// reads it), for scans that must run before, or instead of, composing the text into nodes
/// (``YAMLAliasScan``, ``YAMLDuplicateKeyScan``).
enum YAMLEventScan {
    /// Hands each event of `text` to `visit`, in order, until `visit` returns a value.
    /// - Parameters:
    ///   - text: YAML or JSON.
    ///   - visit: Called with each event (valid only during the call); a value stops the scan.
    /// - Returns: The first value `visit` returned, or `nil` at the end of the stream or where the text stops
    ///   being valid YAML (which composing then reports).
    static func first<T>(in text: String, _ visit: (yaml_event_t) -> T?) -> T? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer -> T? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return nil }
                if let value = visit(event) { return value }
            }
        }
    }
}
