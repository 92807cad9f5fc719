import CYaml

/// Finds the first key given twice in one mapping of a YAML text, with its place and the keys of the
/// mappings it is nested in, by reading libyaml's event stream (``YAMLEventScan``).
///
/// The YAML composer refuses a repeated key with the mark of the mapping (or of the first occurrence)
/// and the key alone: no line for a one-line JSON object or a flow mapping, and no word of the year path
/// (`ai_growth: {2025: 1.2, 2025: 1.3}`) that holds it. The scan runs only after the composer has refused
/// a text, so a valid file is read once. Keys are compared as written (scalar text), as the scenario
/// reader compares them.
enum YAMLDuplicateKeyScan {
    /// A key given twice.
    struct Duplicate: Sendable, Hashable {
        /// The key as written the second time (quotes removed).
        var key: String
        /// The keys of the mappings that hold it, outermost first; empty for a top-level key. A list adds none.
        var path: [String]
        /// The 1-based line of the second occurrence.
        var line: Int
        /// The 1-based column (in Unicode scalars, as libyaml counts them) of the second occurrence.
        var column: Int
        /// The 1-based line of the first occurrence.
        var firstLine: Int
    }

    /// One open mapping or list while the stream is read.
    private struct Frame {
        var isMapping: Bool
        /// The keys of the mappings this collection is nested in, and for a value the key it belongs to.
        var path: [String]
        /// The keys seen so far in a mapping, with their 1-based lines.
        var keys: [String: Int] = [:]
        /// Whether a mapping's next node is a key (else its value).
        var expectsKey = true
        /// The key whose value comes next, when it is a scalar.
        var currentKey: String?
    }

    /// The first key of `text` given twice in one mapping (first by the place of its second occurrence).
    /// - Parameter text: YAML or JSON text without aliases.
    /// - Returns: The duplicate, or `nil` when the text has none (or stops being valid YAML before one).
    static func firstDuplicate(in text: String) -> Duplicate? {
        var stack: [Frame] = []
        /// A node (scalar or collection) has ended: in a mapping, a key is followed by its value and a value by a key.
        func nodeEnded() {
            guard let last = stack.indices.last, stack[last].isMapping else { return }
            stack[last].expectsKey.toggle()
        }
        /// The path of a collection starting here: its parent's, and the key it is the value of.
        func childPath() -> [String] {
            guard let top = stack.last else { return [] }
            guard top.isMapping, !top.expectsKey, let key = top.currentKey else { return top.path }
            return top.path + [key]
        }
        return YAMLEventScan.first(in: text) { event -> Duplicate? in
            switch event.type {
            case YAML_SCALAR_EVENT:
                if let last = stack.indices.last, stack[last].isMapping, stack[last].expectsKey {
                    let scalar = event.data.scalar
                    let key = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                    let line = Int(event.start_mark.line) + 1
                    if let first = stack[last].keys[key] {
                        return Duplicate(key: key, path: stack[last].path, line: line, column: Int(event.start_mark.column) + 1,
                                         firstLine: first)
                    }
                    stack[last].keys[key] = line
                    stack[last].currentKey = key
                }
                nodeEnded()
            case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
                let path = childPath()
                // A collection used as a key names no key for its value.
                if let last = stack.indices.last, stack[last].isMapping, stack[last].expectsKey { stack[last].currentKey = nil }
                stack.append(Frame(isMapping: event.type == YAML_MAPPING_START_EVENT, path: path))
            case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                _ = stack.popLast()
                nodeEnded()
            case YAML_ALIAS_EVENT:
                nodeEnded()
            default:
                break
            }
            return nil
        }
    }
}
