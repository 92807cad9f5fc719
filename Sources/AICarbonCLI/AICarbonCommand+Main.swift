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
    /// ArgumentParser (one ``InputError`` line) with status 1.
    /// - Parameter arguments: The arguments after the program name.
    public static func runFromCommandLine(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        // A kernel chosen in the environment that this processor cannot run, or that does not exist, is an
        // error rather than silently replaced.
        if let problem = VectorKernel.environmentProblem { exit(withError: problem) }
        // The commands that read the shipped catalog start decoding it while their arguments are parsed.
        if let name = arguments.first, catalogCommands.contains(name) { Catalog.prefetch() }
        func refuse(_ error: InputError) -> Never {
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            Foundation.exit(usageExitCode)
        }
        if let refusal = helpRefusal(arguments) { refuse(refusal) }
        var command: any ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            if exitCode(for: error) == .success {
                if message(for: error) == versionText, let refusal = versionRefusal(arguments) { refuse(refusal) }
                exit(withError: error)
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
            exit(withError: error)
        }
        exit()
    }

    /// A command line asking for help about a command that does not exist, which ArgumentParser would
    /// answer with the nearest help it has and exit 0: `aicarbon help nope`, `aicarbon help run extra`,
    /// `aicarbon nope --help`.
    /// - Parameter arguments: The arguments after the program name.
    /// - Returns: The error naming the unknown command, or `nil`.
    static func helpRefusal(_ arguments: [String]) -> InputError? {
        guard let first = arguments.first else { return nil }
        if first == "help" {
            var subcommands = configuration.subcommands, path = "aicarbon"
            for argument in arguments.dropFirst() where argument != "-h" && argument != "--help" {
                if let sub = subcommands.first(where: { $0._commandName == argument }) {
                    subcommands = sub.configuration.subcommands
                } else if argument == "help", path == "aicarbon" {
                    subcommands = []  // `aicarbon help help`: help's own help
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
