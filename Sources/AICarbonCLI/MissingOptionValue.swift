import AICarbon
import ArgumentParser
import Foundation

/// An option whose value is missing because the next word is another flag of its command:
/// `estimate --chips --days 3`.
///
/// The numeric options of `estimate` take any next word as their value (`parsing: .unconditional`, so that
/// `--elasticity -0.5` is a number), so `--chips --days 3` read `--days` as the chip count and then refused
/// `3` as an extra argument; the other options were refused with "found none". Both now name the flag found
/// instead: `--chips: expected a value <chips> after it, found the flag --days`.
enum MissingOptionValue {
    /// The error for the first option in `arguments` followed by one of `command`'s flags, or `nil`.
    ///
    /// Only a word that is exactly a flag of the command (`--days`, `-o`, `--help`), or a long flag with its
    /// value (`--days=3`), counts: a negative number (`--elasticity -0.5`), `-` (standard output) or any
    /// other text is left to the option's own check. Nothing after `--` is read. The command's flags are
    /// read from ArgumentParser's description of it (`_dumpHelp()`, the JSON of `--experimental-dump-help`)
    /// only when two words in a row start with a dash.
    /// - Parameters:
    ///   - arguments: The command's arguments, after its name.
    ///   - command: The command.
    ///   - name: The command as the user would type it for help (`aicarbon estimate`).
    /// - Returns: The error, with the `--help` to see.
    static func error(_ arguments: [String], command: any ParsableCommand.Type, name: String) -> InputError? {
        let words = Array(arguments.prefix { $0 != "--" })
        let pairs = zip(words, words.dropFirst()).filter { option, next in
            option.hasPrefix("-") && next.hasPrefix("-") && next != "-" && !AICarbonCommand.isNegativeNumber(next)
        }
        guard !pairs.isEmpty else { return nil }
        let flags = CommandFlags(command)
        for (option, next) in pairs {
            guard let value = flags.placeholders[option] else { continue }
            let flag = next.hasPrefix("--") ? String(next.prefix { $0 != "=" }) : next
            guard flags.spellings.contains(flag) else { continue }
            return InputError(field: option, expected: "a value \(value) after it", found: "the flag \(next) (see \(name) --help)")
        }
        return nil
    }
}
