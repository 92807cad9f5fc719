import AICarbon
import ArgumentParser
import Foundation

/// An option that takes one value given twice: `estimate --grid USA --grid FRA` ran on FRA, and
/// `-o a.txt -o b.txt` wrote only b.txt, without a word. ArgumentParser keeps the last value; a repeated
/// `--set` of one key and a key given twice in a scenario file are refused, so a repeated option is too.
/// Options made to be repeated (`--set`) are left alone.
enum RepeatedOption {
    /// The error for the first option in `arguments` given a second time (under any of its spellings:
    /// `-o`, `--output`, `--output-file`), or `nil`.
    ///
    /// An option is read as ArgumentParser reads it: `--grid FRA` (the next word its value), `--grid=FRA`, or a
    /// short option with its value attached (`-ob.txt`). Nothing after `--` is read. The command's options
    /// are read from ArgumentParser's description of it (``CommandFlags``) only when two words that start
    /// with a dash have the same name before any `=`, or two name an output file.
    /// - Parameters:
    ///   - arguments: The command's arguments, after its name (negative numbers already joined to their option).
    ///   - command: The command.
    /// - Returns: The error, naming both values.
    static func error(_ arguments: [String], command: any ParsableCommand.Type) -> InputError? {
        let words = Array(arguments.prefix { $0 != "--" })
        let dashed = words.filter { $0.hasPrefix("-") && $0 != "-" && !AICarbonCommand.isNegativeNumber($0) }
        let keys = dashed.map { String($0.prefix { $0 != "=" }) }
        let outputs = keys.filter { $0.hasPrefix("--output") || $0.hasPrefix("-o") }
        guard Set(keys).count < keys.count || outputs.count > 1 else { return nil }
        let flags = CommandFlags(command)
        var seen: [String: (spelled: String, value: String)] = [:]
        var index = 0
        while index < words.count {
            let word = words[index]
            var spelled: String?, value = ""
            if word.hasPrefix("--"), let equals = word.firstIndex(of: "=") {
                spelled = String(word[..<equals])
                value = String(word[word.index(after: equals)...])
            } else if flags.placeholders[word] != nil {
                spelled = word
                if index + 1 < words.count { value = words[index + 1] }
                index += 1
            } else if !word.hasPrefix("--"), word.count > 2, word.hasPrefix("-"), flags.placeholders[String(word.prefix(2))] != nil {
                spelled = String(word.prefix(2))
                value = String(word.dropFirst(2))
            }
            index += 1
            guard let spelled, let group = flags.single[spelled] else { continue }
            if let first = seen[group[0]] {
                let names = group.count > 1 ? " (\(group.joined(separator: ", ")) name one option)" : ""
                return InputError(field: spelled, expected: "the option once\(names)",
                                  found: "it twice: \(first.spelled) \(InputError.abridged(first.value)) and \(spelled) \(InputError.abridged(value))")
            }
            seen[group[0]] = (spelled, value)
        }
        return nil
    }
}
