import ArgumentParser
import Foundation

/// A command's flags and options as ArgumentParser describes them (`_dumpHelp()`, the JSON of
/// `--experimental-dump-help`), for the checks made on a command line before ArgumentParser reads it
/// (``MissingOptionValue``, ``RepeatedOption``).
struct CommandFlags {
    /// Per spelling of an option (`--chips`, `-o`): its value's placeholder (`<chips>`).
    private(set) var placeholders: [String: String] = [:]
    /// Every spelling of a flag or option (`-o`, `--output`, `--help`).
    private(set) var spellings: Set<String> = []
    /// Per spelling of an option that takes one value (not repeated, as `--set` is): all its spellings,
    /// long first (`-o`: `--output`, `--output-file`, `-o`).
    private(set) var single: [String: [String]] = [:]

    /// The flags and options of `command` (none when its description cannot be read).
    init(_ command: any ParsableCommand.Type) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(command._dumpHelp().utf8)) as? [String: Any],
              let arguments = (object["command"] as? [String: Any])?["arguments"] as? [[String: Any]] else { return }
        for argument in arguments {
            let kind = argument["kind"] as? String
            guard kind == "option" || kind == "flag" else { continue }
            let names = (argument["names"] as? [[String: Any]] ?? []).compactMap { entry -> String? in
                guard let text = entry["name"] as? String else { return nil }
                return (entry["kind"] as? String == "long" ? "--" : "-") + text
            }
            let longFirst = names.filter { $0.hasPrefix("--") } + names.filter { !$0.hasPrefix("--") }
            for spelled in names {
                spellings.insert(spelled)
                guard kind == "option" else { continue }
                placeholders[spelled] = "<\(argument["valueName"] as? String ?? String(spelled.drop { $0 == "-" }))>"
                if argument["isRepeating"] as? Bool != true { single[spelled] = longFirst }
            }
        }
    }
}
