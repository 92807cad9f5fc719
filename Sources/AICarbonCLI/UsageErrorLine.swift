import AICarbon
import Foundation

/// ArgumentParser's own parse errors (an unknown flag, a missing value, a value not among the choices)
/// restated as one ``InputError`` line: the flag, what was expected, what was found.
///
/// ArgumentParser prints such errors with the whole usage after them; this tool prints one line, like
/// every other refusal, and points at `--help` for the rest. The messages are matched by their text
/// (swift-argument-parser 1.x); a message of another shape is kept, on one line.
enum UsageErrorLine {
    /// The error for ArgumentParser's `message`, met while parsing `command`.
    /// - Parameters:
    ///   - message: ArgumentParser's message for the error (`message(for:)`, without the usage).
    ///   - command: The command as the user would type it for help (`aicarbon estimate`).
    ///   - commands: The subcommands of the root, named when an argument is not one of them.
    ///   - atRoot: Whether no subcommand was given.
    /// - Returns: The error, with a hint to see `command --help`.
    static func error(message: String, command: String, commands: [String], atRoot: Bool) -> InputError {
        var error = translated(message, command: command, commands: commands, atRoot: atRoot)
        error.found += " (see \(command) --help)"
        return error
    }

    /// The error for `message`, without the hint.
    private static func translated(_ message: String, command: String, commands: [String], atRoot: Bool) -> InputError {
        let text = message.trimmingTrailingNewlines
        if let rest = text.dropping(prefix: "Unknown option '") {
            // Unknown option '--foo'. Did you mean '--format'?
            let (name, tail) = rest.splitQuoted()
            let suggestion = tail.dropping(prefix: ". Did you mean '").map { $0.splitQuoted().0 }
            // "-ofile": unknown, or the short option -o glued to its value.
            if let marker = tail.range(of: "or: Missing value for '") {
                let (short, _) = String(tail[marker.upperBound...]).splitQuoted().0.flagAndValue
                return InputError(field: name, expected: "an option of \(command), or \(short) then a space and its value",
                                  found: "an unknown option")
            }
            return InputError(field: name, expected: "an option of \(command)",
                              found: "an unknown option" + (suggestion.map { "; did you mean \($0)?" } ?? ""))
        }
        if let rest = text.dropping(prefix: "Missing value for '") {
            // Missing value for '--format <format>'
            let (synopsis, _) = rest.splitQuoted()
            let (name, value) = synopsis.flagAndValue
            return InputError(field: name, expected: "a value" + (value.map { " \($0)" } ?? "") + " after it", found: "none")
        }
        if let rest = text.dropping(prefix: "The value '") {
            // The value 'xml' is invalid for '--format <format>'. Please provide one of 'table', 'json' or 'csv'.
            guard let marker = rest.range(of: "' is invalid for '") else { return fallback(text) }
            let value = String(rest[..<marker.lowerBound])
            let (synopsis, tail) = String(rest[marker.upperBound...]).splitQuoted()
            let (name, placeholder) = synopsis.flagAndValue
            var expected = placeholder.map { "a value for \($0)" } ?? "a valid value"
            if let choices = tail.dropping(prefix: ". Please provide one of ") {
                let items = choices.components(separatedBy: "\n  - ")
                expected = "one of " + (items.count > 1 ? items.dropFirst().joined(separator: ", ") : choices.trimmingTrailingPeriod)
            } else if let reason = tail.dropping(prefix: ": ") {
                expected += " (\(reason.trimmingTrailingPeriod))"
            }
            return InputError(field: name, expected: expected, found: "\"\(value)\"")
        }
        if let rest = text.dropping(prefix: "Missing expected argument '") {
            // Missing expected argument '<file>'
            let (name, _) = rest.splitQuoted()
            return InputError(field: name, expected: "the argument \(name)", found: "none")
        }
        if let rest = text.dropping(prefix: "Missing one of: '") {
            return InputError(field: command, expected: "one of '" + rest, found: "none")
        }
        if let rest = text.dropping(prefix: "Unexpected argument '") {
            // Unexpected argument 'x', or an unknown command at the root.
            let (value, _) = rest.splitQuoted()
            if atRoot {
                return InputError(field: command, expected: "a command: " + commands.joined(separator: ", "), found: "\"\(value)\"")
            }
            return InputError(field: value, expected: "no further argument for \(command)", found: "\"\(value)\"")
        }
        if let marker = text.range(of: " unexpected arguments: ") {
            return InputError(field: command, expected: "no further arguments", found: String(text[marker.upperBound...]))
        }
        if let rest = text.dropping(prefix: "The option '") {
            // The option '--x' does not take any value, but 'v' was specified.
            let (name, tail) = rest.splitQuoted()
            let value = tail.dropping(prefix: " does not take any value, but '").map { $0.splitQuoted().0 } ?? tail
            return InputError(field: name, expected: "no value (it is a flag)", found: "\"\(value)\"")
        }
        return fallback(text)
    }

    /// A message of another shape: its lines joined into one.
    private static func fallback(_ text: String) -> InputError {
        let line = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "; ")
        return InputError(field: "arguments", expected: "what the command accepts", found: line)
    }
}

private extension String {
    /// The text after `prefix`, or `nil` when it does not start with it.
    func dropping(prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }

    /// The text up to the next `'` and what follows that quote.
    func splitQuoted() -> (String, String) {
        guard let quote = firstIndex(of: "'") else { return (self, "") }
        return (String(self[..<quote]), String(self[index(after: quote)...]))
    }

    /// `--format <format>` as the flag and its value placeholder.
    var flagAndValue: (String, String?) {
        guard let space = firstIndex(of: " ") else { return (self, nil) }
        return (String(self[..<space]), String(self[index(after: space)...]))
    }

    /// The text without one final `.`.
    var trimmingTrailingPeriod: String { hasSuffix(".") ? String(dropLast()) : self }

    /// The text without its final line breaks.
    var trimmingTrailingNewlines: String {
        var text = self
        while text.last?.isNewline == true { text.removeLast() }
        return text
    }
}
