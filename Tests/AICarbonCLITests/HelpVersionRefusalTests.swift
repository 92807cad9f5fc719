import Foundation
import Testing

/// `help` for a command that does not exist, and an argument beside `--version`, are usage errors (exit 64,
/// one line naming the argument); ArgumentParser printed the nearest help, or the version, and exited 0
/// (a fuzzing find). After a command, `help` takes what the command takes (`help catalog hardware`) and refuses
/// what it refuses (a later fuzzing find: `help catalog hardware` was refused as "nothing after aicarbon catalog").
@Suite("help and --version refuse what they would pass over")
struct HelpVersionRefusalTests {
    @Test("an unknown command or an extra argument: one line on stderr, exit 64, nothing on stdout", arguments: [
        (["help", "nope"], "Error: help: expected a command of aicarbon: estimate, run, compare, sensitivity, report, rebound, validate, "
            + "catalog, schema, found \"nope\" (see aicarbon --help)\n"),
        (["help", "help", "extra"], "Error: help: expected nothing after aicarbon help (it has no subcommands), found \"extra\" (see aicarbon --help)\n"),
        (["help", "catalog", "planets"], "Error: <kind>: expected one of 'hardware', 'grids' or 'sources', found \"planets\" (see aicarbon catalog --help)\n"),
        (["help", "estimate", "--chips", "--days", "3"],
         "Error: --chips: expected a value <chips> after it, found the flag --days (see aicarbon estimate --help)\n"),
        (["help", "validate", "extra"], "Error: extra: expected no further argument for aicarbon validate, found \"extra\" (see aicarbon validate --help)\n"),
        (["nope", "--help"], "Error: aicarbon: expected a command: estimate, run, compare, sensitivity, report, rebound, validate, catalog, "
            + "schema, found \"nope\" (see aicarbon --help)\n"),
        (["--version", "extra"], "Error: --version: expected no other argument, found \"extra\" (see aicarbon --help)\n"),
        (["extra", "--version"], "Error: --version: expected no other argument, found \"extra\" (see aicarbon --help)\n"),
        (["estimate", "--chips", "3", "--version"], "Error: --version: expected no other argument, found \"--chips\" (see aicarbon --help)\n"),
    ])
    func refused(_ arguments: [String], _ line: String) throws {
        let result = try runAICarbon(arguments)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty, "\(result.stdout.prefix(200))")
        #expect(result.stderr == line, "\(result.stderr)")
    }

    @Test("help for a command with what the command accepts shows that command's help, as COMMAND … --help does", arguments: [
        (["help", "catalog", "hardware"], "catalog"), (["help", "run", "extra"], "run"), (["help", "estimate", "--chips", "8", "-h"], "estimate"),
    ])
    func commandArguments(_ arguments: [String], _ command: String) throws {
        let result = try runAICarbon(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout == (try runAICarbon([command, "--help"])).stdout, "\(result.stdout.prefix(200))")
    }

    @Test("help and the version alone still print and exit 0", arguments: [
        ["help"], ["help", "run"], ["help", "help"], ["help", "-h"], ["run", "--help"], ["--version"], ["run", "--version"],
    ])
    func accepted(_ arguments: [String]) throws {
        let result = try runAICarbon(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains(arguments.contains("--version") ? "aicarbon 0." : "USAGE: aicarbon"), "\(result.stdout.prefix(200))")
    }
}
