import Foundation
import Testing

/// ArgumentParser's own refusals (issue 15): one line naming the flag, what was expected and what was
/// found, exit status 64 (EX_USAGE); `--help` and `--version` unchanged.
@Suite("command-line parse errors")
struct UsageErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        /// Texts the one line must hold: the flag, what was expected, what was found.
        let line: [String]
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(arguments: ["estimate", "--formt", "json"],
             line: ["Error: --formt: expected an option of aicarbon estimate", "found an unknown option; did you mean --format?",
                    "(see aicarbon estimate --help)"]),
        Case(arguments: ["estimate", "--chips"], line: ["Error: --chips: expected a value <chips> after it, found none"]),
        // An option followed by another flag: its value is missing, whatever its parsing (a fuzzing find: --chips, which
        // takes any next word, read --days as its value and refused 3 as an extra argument).
        Case(arguments: ["estimate", "--params", "70B", "--tokens", "2T", "--hardware", "h100", "--chips", "--days", "3"],
             line: ["Error: --chips: expected a value <chips> after it, found the flag --days (see aicarbon estimate --help)"]),
        Case(arguments: ["estimate", "--chip-hours", "10", "--grid", "--pue", "1.2"],
             line: ["Error: --grid: expected a value <grid> after it, found the flag --pue (see aicarbon estimate --help)"]),
        Case(arguments: ["run", "x.yaml", "-o", "--format=json"],
             line: ["Error: -o: expected a value <file> after it, found the flag --format=json (see aicarbon run --help)"]),
        Case(arguments: ["rebound", "--efficiency-gain", "--elasticity", "-0.5"],
             line: ["Error: --efficiency-gain: expected a value <efficiency-gain> after it, found the flag --elasticity (see aicarbon rebound --help)"]),
        Case(arguments: ["rebound", "--efficiency-gain", "2", "--elasticity", "-0.2", "--format", "xml"],
             line: ["Error: --format: expected one of 'table', 'json' or 'csv', found \"xml\" (see aicarbon rebound --help)"]),
        Case(arguments: ["run"], line: ["Error: <file>: expected the argument <file>, found none (see aicarbon run --help)"]),
        Case(arguments: ["catalog", "planets"], line: ["Error: <kind>: expected one of 'hardware', 'grids' or 'sources', found \"planets\""]),
        Case(arguments: ["estmate"], line: ["Error: aicarbon: expected a command: estimate, run, compare", "found \"estmate\" (see aicarbon --help)"]),
        Case(arguments: ["validate", "extra"], line: ["Error: extra: expected no further argument for aicarbon validate, found \"extra\""]),
        Case(arguments: ["schema", "-o"], line: ["Error: -o: expected a value <file> after it, found none (see aicarbon schema --help)"]),
        Case(arguments: ["schema", "-ofile.txt"],
             line: ["Error: -ofile.txt: expected an option of aicarbon schema, or -o then a space and its value, found an unknown option"]),
        Case(arguments: ["compare", "a.yaml"], line: ["Error: <b>: expected the argument <b>, found none (see aicarbon compare --help)"]),
        // An option that takes one value, given twice: ArgumentParser kept the last (--grid USA --grid FRA ran on FRA;
        // -o a.txt -o b.txt wrote only b.txt), while a key given twice in a file or with --set is refused.
        Case(arguments: ["estimate", "--chip-hours", "10", "--power", "300", "--grid", "USA", "--grid", "FRA"],
             line: ["Error: --grid: expected the option once, found it twice: --grid \"USA\" and --grid \"FRA\""]),
        Case(arguments: ["estimate", "--chip-hours", "10", "--power", "300", "--format", "json", "--format=csv"],
             line: ["Error: --format: expected the option once, found it twice: --format \"json\" and --format \"csv\""]),
        Case(arguments: ["rebound", "--efficiency-gain", "2", "--elasticity", "-0.2", "-oa.txt", "--output-file", "b.txt"],
             line: ["Error: --output-file: expected the option once (--output, --output-file, -o name one option), found it twice: "
                    + "-o \"a.txt\" and --output-file \"b.txt\""]),
        Case(arguments: ["rebound", "--efficiency-gain", "2", "--elasticity", "-0.2", "--elasticity", "-0.5"],
             line: ["Error: --elasticity: expected the option once, found it twice: --elasticity \"-0.2\" and --elasticity \"-0.5\""]),
        Case(arguments: ["run", "x.yaml", "--samples", "100", "--samples=200"],
             line: ["Error: --samples: expected the option once, found it twice: --samples \"100\" and --samples \"200\""]),
    ]

    @Test("one line on stderr naming the flag, what was expected and found; exit 64; nothing on stdout", arguments: cases)
    func oneLine(_ c: Case) throws {
        let result = try runAICarbon(c.arguments)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(!result.stderr.contains("USAGE"))
        for text in c.line { #expect(result.stderr.contains(text), "\(result.stderr)") }
    }

    @Test("a hostile value is escaped and cut short on that one line")
    func hostileValue() throws {
        let value = "x\u{1B}[31m\n" + String(repeating: "y", count: 5000)
        let result = try runAICarbon(["catalog", value])
        #expect(result.status == 64)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("\\u{1B}[31m\\n"))
        #expect(result.stderr.count < 600)
    }

    @Test("--help and --version still print to stdout and exit 0", arguments: [["--help"], ["estimate", "--help"], ["--version"], ["help", "run"]])
    func help(_ arguments: [String]) throws {
        let result = try runAICarbon(arguments)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains(arguments == ["--version"] ? "aicarbon " : "USAGE: aicarbon"))
    }

    @Test("an option made to be repeated (--set) may be given again")
    func repeatable() throws {
        let scenario = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Scenarios/iea-base-2024-2035.yaml").path
        let result = try runAICarbon(["run", scenario, "--set", "ai_share=0.2", "--set", "pue=1.2", "--samples", "200", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test("errors of the command itself keep their line and exit 1")
    func commandErrors() throws {
        let result = try runAICarbon(["estimate", "--chip-hours", "10", "--power", "300 parsecs"])
        #expect(result.status == 1)
        #expect(result.stderr == "Error: --power: expected a power such as \"330 W\" or \"1.2 kW\", found \"300 parsecs\" (unknown unit \"parsecs\")\n")
    }
}
