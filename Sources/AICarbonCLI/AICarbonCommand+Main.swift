import AICarbon
import ArgumentParser
import Foundation

extension AICarbonCommand {
    /// The exit status of a refused command line (an unknown flag, a missing value): `EX_USAGE` of
    /// sysexits(3).
    public static let usageExitCode: Int32 = 64

    /// The commands that read the shipped catalog (``Catalog/bundled()``).
    static let catalogCommands: Set<String> = [EstimateCommand._commandName, RunCommand._commandName, CompareCommand._commandName,
                                               SensitivityCommand._commandName, ReportCommand._commandName, CatalogCommand._commandName]

    /// Parses the command line, runs the command and exits.
    ///
    /// `--help` and `--version` print as ArgumentParser prints them. Output that cannot be written to
    /// standard output (`> /dev/full`) is an error (`stdout: expected to write the output, found …`). A command line ArgumentParser
    /// refuses gets one line on standard error (the flag, what was expected, what was found, and the
    /// `--help` to see) and exit status ``usageExitCode``; errors of the command itself are printed by
    /// ArgumentParser (one ``InputError`` line) with status 1. A negative number after a numeric option
    /// (`--samples -1`) is that option's value (``joiningNegativeNumbers(_:)``); an option followed by another
    /// flag is missing its value (``MissingOptionValue``), and one that takes one value is given once (``RepeatedOption``).
    /// - Parameter typed: The arguments after the program name.
    public static func runFromCommandLine(_ typed: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        let arguments = joiningNegativeNumbers(typed)
        // A kernel chosen in the environment that this processor cannot run, or that does not exist, is an
        // error rather than silently replaced.
        if let problem = VectorKernel.environmentProblem { exit(withError: problem) }
        // The commands that read the shipped catalog start decoding it while their arguments are parsed.
        if let name = arguments.first, catalogCommands.contains(name) { Catalog.prefetch() }
        func refuse(_ error: InputError) -> Never {
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            Foundation.exit(usageExitCode)
        }
        let parsed: [String]
        do { parsed = try helpArguments(arguments) } catch { refuse(error) }
        // An option followed by another flag (`--chips --days 3`) is missing its value, whatever its parsing.
        if let name = parsed.first, let sub = subcommand(name, of: AICarbonCommand.self) {
            if let missing = MissingOptionValue.error(Array(parsed.dropFirst()), command: sub, name: "aicarbon \(name)") { refuse(missing) }
            // An option that takes one value, given twice (`--grid USA --grid FRA`): ArgumentParser would keep the last.
            if let repeated = RepeatedOption.error(Array(parsed.dropFirst()), command: sub) { refuse(repeated) }
        }
        var command: any ParsableCommand
        do {
            command = try parseAsRoot(parsed)
        } catch {
            if exitCode(for: error) == .success {
                if message(for: error) == versionText, let refusal = versionRefusal(arguments) { refuse(refusal) }
                printClean(error)
            }
            let names = configuration.subcommands.map { $0._commandName }
            let sub = arguments.first.flatMap { names.contains($0) ? $0 : nil }
            let line = UsageErrorLine.error(message: message(for: error), command: "aicarbon" + (sub.map { " \($0)" } ?? ""),
                                            commands: names, atRoot: sub == nil)
            FileHandle.standardError.write(Data("Error: \(line)\n".utf8))
            Foundation.exit(usageExitCode)
        }
        do {
            try command.run()
            // Text printed (rather than written through OutputDestination) is checked here: a full disk
            // or a closed pipe is an error, not a silent success.
            if fflush(nil) != 0 { throw OutputDestination.standardOutputError(errno) }
        } catch {
            // `--help` parses as ArgumentParser's help command, whose run ends in a clean exit with the help text.
            if exitCode(for: error) == .success { printClean(error) }
            exit(withError: error)
        }
        exit()
    }

    /// Prints the text of a clean exit (help, the version, a completion script) and exits 0, checked as every
    /// command's output is: a full disk or a closed pipe is an error, not exit 0 (`make install` writes the
    /// completion scripts this way).
    /// - Parameter clean: An error whose exit code is success.
    private static func printClean(_ clean: any Error) -> Never {
        do {
            try OutputDestination.writeStandardOutput(fullMessage(for: clean) + "\n")
        } catch {
            exit(withError: error)
        }
        exit()
    }

    /// The options whose value is a number or a list of numbers, which may be typed negative by mistake.
    static let numericOptions: Set<String> = ["--samples", "--seed", "--threads", "--max-samples", "--percentiles", "--year", "--years",
                                              "--efficiency-gain"]

    /// `arguments` with each of ``numericOptions`` and a negative number after it made one argument
    /// (`--samples -1` as `--samples=-1`), so that the number reaches the option's own check ("--samples:
    /// expected … a whole number of at least 1, found "-1""). ArgumentParser reads `-1` as an option and
    /// reports the number as missing. Only a number is joined: an option followed by another option
    /// (`--samples --seed 3`) is still reported as a missing value (``MissingOptionValue``); nothing after `--`
    /// is changed.
    /// - Parameter arguments: The arguments as typed.
    /// - Returns: The arguments to parse.
    static func joiningNegativeNumbers(_ arguments: [String]) -> [String] {
        var joined: [String] = [], index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            if argument == "--" { return joined + arguments[index...] }
            if numericOptions.contains(argument), index + 1 < arguments.endIndex, isNegativeNumber(arguments[index + 1]) {
                joined.append("\(argument)=\(arguments[index + 1])")
                index += 2
            } else {
                joined.append(argument)
                index += 1
            }
        }
        return joined
    }

    /// Whether `text` starts as a negative number does (`-1`, `-0.5`, `-.5`, `-1,99`), not as an option.
    static func isNegativeNumber(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars.prefix(3))
        guard scalars.count >= 2, scalars[0] == "-" else { return false }
        let digits = CharacterSet(charactersIn: "0123456789")
        return digits.contains(scalars[1]) || (scalars[1] == "." && scalars.count == 3 && digits.contains(scalars[2]))
    }

    /// The arguments to parse, with a command line asking for help about a command that does not exist
    /// refused, which ArgumentParser would answer with the nearest help it has and exit 0: `aicarbon help
    /// nope`, `aicarbon nope --help`.
    ///
    /// After a command without subcommands, `help` takes what the command takes: `aicarbon help catalog
    /// hardware` shows catalog's help, as `aicarbon catalog hardware --help` does (ArgumentParser is given
    /// `help catalog`: it would read `help estimate --chips 8` as an unknown option of help), and `aicarbon
    /// help catalog planets` is refused as `aicarbon catalog planets` is (`<kind>: expected one of …`).
    /// - Parameter arguments: The arguments after the program name.
    /// - Returns: `arguments`, or for `help` with a command's own arguments, `help` and the command's names.
    /// - Throws: ``InputError`` naming the unknown command, or what the command refuses.
    static func helpArguments(_ arguments: [String]) throws(InputError) -> [String] {
        if let refusal = helpRefusal(arguments) { throw refusal }
        guard arguments.first == "help" else { return arguments }
        var command: any ParsableCommand.Type = AICarbonCommand.self, kept = ["help"]
        for argument in arguments.dropFirst() where argument != "-h" && argument != "--help" {
            guard let sub = subcommand(argument, of: command) else {
                // `help help` (help's own help) as it is; else the first of the command's own arguments.
                return argument == "help" && kept == ["help"] ? arguments : kept
            }
            command = sub
            kept.append(argument)
        }
        return arguments
    }

    /// The refusal of ``helpArguments(_:)``, or `nil`.
    private static func helpRefusal(_ arguments: [String]) -> InputError? {
        guard let first = arguments.first else { return nil }
        if first == "help" {
            var subcommands = configuration.subcommands, path = "aicarbon", names: [String] = []
            let asked = arguments.dropFirst().filter { $0 != "-h" && $0 != "--help" }
            for (index, argument) in asked.enumerated() {
                if let sub = subcommands.first(where: { $0._commandName == argument }) {
                    subcommands = sub.configuration.subcommands
                    names.append(argument)
                } else if argument == "help", path == "aicarbon" {
                    subcommands = []  // `aicarbon help help`: help's own help
                } else if subcommands.isEmpty, !names.isEmpty, path == "aicarbon " + names.joined(separator: " ") {
                    // The command's own arguments: refused only as the command itself refuses them.
                    return commandRefusal(names, Array(asked.dropFirst(index)), command: path)
                } else {
                    let expected = subcommands.isEmpty ? "nothing after \(path) (it has no subcommands)"
                        : "a command of \(path): " + subcommands.map { $0._commandName }.joined(separator: ", ")
                    return InputError(field: "help", expected: expected, found: "\"\(argument)\" (see aicarbon --help)")
                }
                path += " \(argument)"
            }
            return nil
        }
        guard !first.hasPrefix("-"), subcommand(first, of: AICarbonCommand.self) == nil,
              arguments.contains(where: { $0 == "-h" || $0 == "--help" }) else { return nil }
        return InputError(field: "aicarbon", expected: "a command: " + configuration.subcommands.map { $0._commandName }.joined(separator: ", "),
                          found: "\"\(first)\" (see aicarbon --help)")
    }

    /// The error of a command line ArgumentParser refuses, as ``runFromCommandLine(_:)`` states it (a missing
    /// value first, ``MissingOptionValue``), or `nil` when it parses (or asks for the help or the version).
    /// - Parameters:
    ///   - names: The command's names (`["catalog"]`).
    ///   - arguments: Its arguments (`["planets"]`).
    ///   - command: The command as the user would type it for help (`aicarbon catalog`).
    private static func commandRefusal(_ names: [String], _ arguments: [String], command: String) -> InputError? {
        var type: any ParsableCommand.Type = AICarbonCommand.self
        for name in names { type = subcommand(name, of: type) ?? type }
        if let missing = MissingOptionValue.error(arguments, command: type, name: command) { return missing }
        do {
            _ = try parseAsRoot(names + arguments)
            return nil
        } catch {
            guard exitCode(for: error) != .success else { return nil }
            return UsageErrorLine.error(message: message(for: error), command: command,
                                        commands: configuration.subcommands.map { $0._commandName }, atRoot: false)
        }
    }

    /// An argument beside `--version`, which ArgumentParser would pass over, printing the version and
    /// exiting 0 (`aicarbon --version extra`); the commands before it are its own (`aicarbon run --version`).
    /// - Parameter arguments: The arguments after the program name (the version was asked for).
    /// - Returns: The error naming the first such argument, or `nil`.
    static func versionRefusal(_ arguments: [String]) -> InputError? {
        var command: any ParsableCommand.Type = AICarbonCommand.self
        for argument in arguments where argument != "--version" {
            if let sub = subcommand(argument, of: command) {
                command = sub
                continue
            }
            return InputError(field: "--version", expected: "no other argument", found: "\"\(argument)\" (see aicarbon --help)")
        }
        return nil
    }

    /// The subcommand of `command` named `name`.
    private static func subcommand(_ name: String, of command: any ParsableCommand.Type) -> (any ParsableCommand.Type)? {
        command.configuration.subcommands.first { $0._commandName == name }
    }
}
