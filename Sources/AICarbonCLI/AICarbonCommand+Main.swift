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
        var command: any ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            guard exitCode(for: error) != .success else { exit(withError: error) }
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
}
