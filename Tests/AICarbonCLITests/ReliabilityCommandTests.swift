import Foundation
import Testing

/// Issue 15 through the executable: every bad input is one short line and a non-zero exit; no crash.
@Suite("aicarbon reliability (issue 15)")
struct ReliabilityCommandTests {
    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenarios")

    static func temporaryFile(_ name: String, _ text: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("aicarbon-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test("a distribution nested 4,000 deep in a flag is an error, not a stack overflow")
    func deepNestingFlag() throws {
        let nested = String(repeating: "truncated(", count: 4_000) + "normal(1.2, 0.1)" + String(repeating: ", 1, 2)", count: 4_000)
        let result = try runAICarbon(["estimate", "--chip-hours", "10", "--power", "300 W", "--pue", nested])
        #expect(result.status == 64 || result.status == 1, "status \(result.status)")
        #expect(result.stderr.contains("--pue") && result.stderr.contains("nested at most 32 deep"), "\(result.stderr.prefix(300))")
        #expect(result.stderr.count < 500)
    }

    @Test("an error echoing a long input with newlines and escapes is one short line")
    func shortErrorLine() throws {
        let junk = String(repeating: "x", count: 5_000) + "\n\u{1B}[2J"
        let result = try runAICarbon(["estimate", "--chip-hours", "10", "--power", "300 W", "--pue", junk])
        #expect(result.status != 0)
        let line = result.stderr.trimmingCharacters(in: .newlines)
        #expect(!line.contains("\n") && !line.contains("\u{1B}") && line.count < 600, "\(line.count) characters")
    }

    @Test("a directory given as FILE is called a directory")
    func directory() throws {
        let result = try runAICarbon(["run", FileManager.default.temporaryDirectory.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("a directory"), "\(result.stderr)")
    }

    @Test("rebound --efficiency-gain 25% is the factor 1.25 (the growth-unit rule)")
    func reboundPercent() throws {
        let result = try runAICarbon(["rebound", "--efficiency-gain", "25%", "--elasticity", "-0.2", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"efficiency_gain\": 1.25"), "\(result.stdout)")
    }

    @Test("rebound that overflows (k = 1e300, elasticity -3) is an error, not null or inf with exit 0")
    func reboundOverflow() throws {
        let result = try runAICarbon(["rebound", "--efficiency-gain", "1e300", "--elasticity", "-3", "--format", "json"])
        #expect(result.status != 0)
        // k = 1e300 is the extreme one here (an elasticity of -3 is ordinary): the gain is named, with its bound.
        #expect(result.stderr.contains("--efficiency-gain: expected a gain for which the demand factor k^(-elasticity), in percent, is a finite "
                                       + "number (below 1.21592e+102 for elasticity -3)"), "\(result.stderr)")
        #expect(!result.stdout.contains("null") && !result.stdout.contains("inf"))
    }

    @Test("compare refuses --until (not one of its options: both runs pair sample for sample) instead of ignoring it")
    func compareUntil() throws {
        let file = Self.scenarios.appendingPathComponent("iea-base-2024-2035.yaml").path
        let result = try runAICarbon(["compare", file, file, "--until", "p95:1%@nope", "--samples", "1000"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--until"), "\(result.stderr)")
    }

    @Test("compare of a scenario with itself: every row is A = B, P(A < B) counts no rounding noise")
    func compareIdentical() throws {
        let file = Self.scenarios.appendingPathComponent("iea-base-2024-2035.yaml").path
        let result = try runAICarbon(["compare", file, file, "--samples", "2000"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n").filter { $0.first?.isNumber == true }
        #expect(!rows.isEmpty && rows.allSatisfy { $0.hasSuffix("A = B") }, "\(result.stdout)")
    }

    @Test("terminal control characters in a scenario's name are escaped in the table")
    func controlCharactersInName() throws {
        let url = try Self.temporaryFile("evil.yaml", """
            kind: projection
            name: "evil\\e[2J\\e]0;pwned\\a"
            start_year: 2024
            end_year: 2025
            base_electricity: 415 TWh
            ai_share: 0.2
            ai_growth: 1.2
            conventional_growth: 1.05

            """)
        let result = try runAICarbon(["run", url.path, "--samples", "200"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("\u{1B}") && !result.stdout.contains("\u{07}"))
        #expect(result.stdout.contains("evil\\u{1B}[2J"), "\(result.stdout.prefix(200))")
    }

    @Test("a scenario read from standard input with FILE -")
    func stdinScenario() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let process = Process()
        process.executableURL = root.appendingPathComponent(".build/debug/aicarbon")
        process.arguments = ["run", "-", "--samples", "200", "--format", "json"]
        let input = Pipe(), out = Pipe()
        process.standardInput = input
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data(try String(contentsOf: Self.scenarios.appendingPathComponent("iea-base-2024-2035.yaml"), encoding: .utf8).utf8))
        try input.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: stdout, as: UTF8.self).contains("\"energy_kwh\""))
    }
}

/// Issue 15: inputs that were accepted and should be refused, and confusing output.
@Suite("aicarbon refusals and ergonomics (issue 15)")
struct RefusalCommandTests {
    static let scenarios = ReliabilityCommandTests.scenarios

    @Test("conflicting duplicate correlation pairs are refused")
    func conflictingCorrelations() throws {
        let url = try ReliabilityCommandTests.temporaryFile("c.yaml", """
            params: 7B
            tokens: 1T
            hardware: H100 SXM
            chips: 64
            mfu: 0.3 to 0.5
            pue: triangular(1.1, 1.2, 1.6)
            grid: 0.25 to 0.55 kg/kWh
            correlations:
              - [mfu, pue, -0.3]
              - [pue, mfu, 0.5]

            """)
        let result = try runAICarbon(["run", url.path, "--samples", "200"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("correlations") && result.stderr.contains("each pair of inputs once"), "\(result.stderr)")
    }

    @Test("--sweep hardware on an aggregate projection is refused (hardware does not apply there)")
    func hardwareOnAggregate() throws {
        let file = Self.scenarios.appendingPathComponent("iea-base-2024-2035.yaml").path
        let result = try runAICarbon(["run", file, "--sweep", "hardware=h100,nope", "--samples", "200"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("hardware"), "\(result.stderr)")
    }

    @Test("a second --sweep is an error, not a silent replacement of the first")
    func twoSweeps() throws {
        let file = Self.scenarios.appendingPathComponent("classroom-rebound.yaml").path
        let result = try runAICarbon(["run", file, "--sweep", "elasticity=-1,0", "--sweep", "efficiency_gain=1.1,1.2"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--sweep"), "\(result.stderr)")
    }

    @Test("a --sweep value with a control character is refused, naming it: a line feed split the CSV row, a tab or ESC reached the table",
          arguments: [("pue=1.1,1.2\n1.3", #""1.2\n1.3" (the control character \n)"#), ("pue=1.1,\n1.2", #""\n1.2" (the control character \n)"#),
                      ("pue=1.1,pert(1.05,\t1.1, 1.3)", #""pert(1.05,\t1.1, 1.3)" (the control character \t)"#),
                      ("pue=1.1,\u{1B}c1.2", #""\u{1B}c1.2" (the control character \u{1B})"#)])
    func sweepControlCharacter(_ sweep: String, _ found: String) throws {
        let file = Self.scenarios.appendingPathComponent("planned-70b-h100.yaml").path
        let result = try runAICarbon(["run", file, "--sweep", sweep, "--samples", "200", "--format", "csv"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "Error: --sweep: expected values without control characters, separated by commas, found \(found)\n",
                "\(result.stderr)")
    }

    @Test("YAML tags such as !!python/object are refused")
    func yamlTags() throws {
        let url = try ReliabilityCommandTests.temporaryFile("t.yaml", "name: !!python/object:os.system x\nchip_hours: 10\npower: 300 W\n")
        let result = try runAICarbon(["run", url.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("python/object"), "\(result.stderr)")
    }

    @Test("brackets nested 100,000 deep in a file are refused, not a crash")
    func deepYAML() throws {
        let url = try ReliabilityCommandTests.temporaryFile("d.yaml", "name: " + String(repeating: "[", count: 100_000) + "\n")
        let result = try runAICarbon(["run", url.path])
        #expect(result.status == 1 || result.status == 64, "status \(result.status)")
        #expect(result.stderr.contains("nested at most 64 deep"), "\(result.stderr.prefix(300))")
    }

    @Test("--percentiles reach the table")
    func percentilesInTable() throws {
        let result = try runAICarbon(["estimate", "--chip-hours", "1000", "--power", "300 to 400 W", "--percentiles", "1,99", "--samples", "1000"])
        #expect(result.status == 0, "\(result.stderr)")
        let header = result.stdout.split(separator: "\n").first { $0.hasPrefix("output") } ?? ""
        #expect(header.contains("p1 ") && header.contains("p99"), "\(header)")
    }

    @Test("percentile labels are distinct and never p100: as many digits as the percentile needs; JSON keys as before")
    func percentileLabels() throws {
        let base = ["estimate", "--chip-hours", "1000", "--power", "300 to 400 W", "--samples", "1000"]
        let table = try runAICarbon(base + ["--percentiles", "2.5,99.999,12.34561,12.34562,5.00001"])
        #expect(table.status == 0, "\(table.stderr)")
        let header = table.stdout.split(separator: "\n").first { $0.hasPrefix("output") }.map(String.init) ?? ""
        let labels = header.split(separator: " ").filter { $0.hasPrefix("p") }.map(String.init)
        #expect(labels == ["p2.5", "p5.00001", "p12.34561", "p12.34562", "p99.999"], "\(header)")
        let json = try runAICarbon(base + ["--percentiles", "2.5,99.999", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let stats = try #require((object?["outputs"] as? [String: [String: Any]])?["co2e_kg"])
        #expect(Set(stats.keys).isSuperset(of: ["p2_5", "p05", "p25", "p50", "p75", "p95", "p99_999"]), "\(stats.keys)")
    }

    @Test("a percentile closer to 0 or 100 than 10⁻⁶ (a subnormal, 99.99999999999) is refused, saying the range", arguments: [
        (["--percentiles", "1,99.99999999999"], "Error: --percentiles: expected a percentile from 0.000001 to 99.999999 (closer to 0 or 100, "
            + "fewer than one sample in 10⁸ falls beyond it), found \"99.99999999999\"\n"),
        (["--percentiles", "1e-320"], "Error: --percentiles: expected a percentile from 0.000001 to 99.999999 (closer to 0 or 100, "
            + "fewer than one sample in 10⁸ falls beyond it), found \"1e-320\"\n"),
        (["--until", "p1e-320:5%"], "Error: --until: expected a percentile from 0.000001 to 99.999999 (closer to 0 or 100, "
            + "fewer than one sample in 10⁸ falls beyond it), found \"p1e-320\" in \"p1e-320:5%\"\n"),
    ])
    func percentileTooClose(_ arguments: [String], _ line: String) throws {
        let result = try runAICarbon(["estimate", "--chip-hours", "1000", "--power", "300 to 400 W", "--samples", "1000"] + arguments)
        #expect(result.status == 1)
        #expect(result.stderr == line, "\(result.stderr)")
        let limits = try runAICarbon(["estimate", "--chip-hours", "1000", "--power", "300 to 400 W", "--samples", "1000",
                                      "--percentiles", "0.000001,99.999999"])
        #expect(limits.status == 0, "\(limits.stderr)")
    }

    @Test("a scenario file's percentile too close to 100 is refused at its line")
    func percentileTooCloseInFile() throws {
        let file = try ReliabilityCommandTests.temporaryFile("p.yaml", "name: p\nchip_hours: 100\npower: 300\nsimulation:\n  percentiles: [1, 99.99999999999]\n")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let result = try runAICarbon(["run", file.path])
        #expect(result.status == 1)
        #expect(result.stderr == "Error: \(file.path):5:20: simulation.percentiles: expected a percentile from 0.000001 to 99.999999 (closer to 0 "
                + "or 100, fewer than one sample in 10⁸ falls beyond it), found \"99.99999999999\"\n", "\(result.stderr)")
    }

    @Test("the hint for a distribution that can fall outside names concrete bounds, not placeholders")
    func truncationHint() throws {
        // "1.1 to 1.3" is now read within the bound (BoundedRangeTests); an explicit normal still crosses it.
        let result = try runAICarbon(["estimate", "--chip-hours", "10", "--power", "300 W", "--pue", "normal(1.2, 0.2)"])
        #expect(result.status != 0)
        #expect(!result.stderr.contains("lower, upper") && result.stderr.contains("truncated(normal(1.2, 0.2), 1, 1.94)"), "\(result.stderr)")
    }

    @Test("--pue \"1.1 to 1.3\" runs: a lognormal truncated at 1 with p05 1.1 and p95 1.3")
    func pueRange() throws {
        let result = try runAICarbon(["estimate", "--chip-hours", "10", "--power", "300 W", "--pue", "1.1 to 1.3", "--samples", "1000"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("pue ~ truncated(lognormal(median 1.19576, gsd 1.05212), 1, inf) = 1.1 to 1.3"), "\(result.stdout)")
    }

    @Test("a bad --set value is reported at --set, not at the file line of the value it replaced",
          arguments: [("planned-70b-h100.yaml", "pue=0.5", "pue"), ("iea-base-2024-2035.yaml", "ai_growth=20% to 40%", "ai_growth"),
                      ("planned-70b-h100.yaml", "hardware=nope", "hardware")])
    func setErrors(_ file: String, _ set: String, _ key: String) throws {
        let path = Self.scenarios.appendingPathComponent(file).path
        let result = try runAICarbon(["run", path, "--set", set, "--samples", "200"])
        #expect(result.status != 0)
        #expect(result.stderr.hasPrefix("Error: --set: "), "\(result.stderr)")
        #expect(!result.stderr.contains(file), "\(result.stderr)")
    }

    @Test("one trajectory is \"1 trajectory\"")
    func oneTrajectory() throws {
        let file = Self.scenarios.appendingPathComponent("classroom-rebound.yaml").path
        let result = try runAICarbon(["run", file])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(" 1 trajectory (") && !result.stdout.contains("1 trajectories"), "\(result.stdout.prefix(200))")
    }

    @Test("catalog CSV: numeric columns are plain numbers, missing values empty", arguments: ["hardware", "grids", "sources"])
    func catalogCSV(_ kind: String) throws {
        let result = try runAICarbon(["catalog", kind, "--format", "csv"])
        #expect(result.status == 0)
        #expect(!result.stdout.contains(",-,") && !result.stdout.contains(",-\n"))
        #expect(result.stdout.range(of: #""[0-9]+,[0-9]"#, options: .regularExpression) == nil, "a number with a thousands separator")
    }
}

@Suite("aicarbon schema (issue 15)")
struct SchemaCommandTests {
    @Test("schema lists every input key with type, unit, domain and default, in JSON")
    func json() throws {
        let result = try runAICarbon(["schema", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let pue = try #require(rows.first { $0["key"] as? String == "pue" })
        #expect(pue["domain"] as? String == "at least 1")
        #expect((pue["default"] as? String)?.isEmpty == false)
        let growth = try #require(rows.first { $0["key"] as? String == "ai_growth" })
        #expect((growth["type"] as? String)?.contains("30% = 1.30") == true)
        #expect(rows.contains { $0["key"] as? String == "start_year" })
    }

    @Test("schema table and CSV")
    func tableAndCSV() throws {
        let table = try runAICarbon(["schema"])
        #expect(table.status == 0 && table.stdout.contains("lifetime"))
        let csv = try runAICarbon(["schema", "--format", "csv"])
        #expect(csv.status == 0 && csv.stdout.hasPrefix("key,flag,scope,type,unit,domain,year_path,default,description\n"))
    }

    @Test("a batch of less than one sequence is refused (--batch-size 0.001 gave the batch-1 result: min(total, active × batch) cancelled the / batch)",
          arguments: ["0.5", "0.001", "uniform(0.5, 4)"])
    func batchBelowOne(_ batch: String) throws {
        let result = try runAICarbon(["estimate", "--params", "70B", "--tokens", "2T", "--hardware", "h100", "--chips", "1024", "--grid", "USA",
                                      "--queries", "1B", "--tokens-per-query", "500", "--batch-size", batch])
        #expect(result.status == 1 && result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("Error: --batch-size: expected values at least 1"), "\(result.stderr)")
    }

    @Test("rank and Sobol' sensitivity need at least 100 samples (--samples 2 printed ±1.000 for every input, 11% each); tornado needs none",
          arguments: [["sensitivity", "Scenarios/planned-70b-h100.yaml", "--samples", "2"],
                      ["sensitivity", "Scenarios/gpt3-patterson.yaml", "--samples", "99", "--method", "sobol"],
                      ["estimate", "--params", "70B", "--tokens", "2T", "--hardware", "h100", "--chips", "1024", "--samples", "50", "--sensitivity", "rank"]])
    func sensitivityTooFewSamples(_ arguments: [String]) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let result = try runAICarbon(arguments.map { $0.hasPrefix("Scenarios/") ? root.appendingPathComponent($0).path : $0 })
        #expect(result.status == 1 && result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("Error: --samples: expected at least 100 samples for "), "\(result.stderr)")
        let tornado = try runAICarbon(["sensitivity", root.appendingPathComponent("Scenarios/planned-70b-h100.yaml").path, "--samples", "2",
                                       "--method", "tornado"])
        #expect(tornado.status == 0, "\(tornado.stderr)")
    }

    @Test("a rank correlation of exactly ±1 is refused saying strictly between -1 and 1 (the message read \"between -1 and 1\", found 1.0)",
          arguments: ["1", "-1"])
    func correlationOfOne(_ rho: String) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let result = try runAICarbon(["run", root.appendingPathComponent("Scenarios/planned-70b-h100.yaml").path,
                                      "--set", "correlations=[[mfu, pue, \(rho)]]"])
        #expect(result.status == 1 && result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("Error: --set: correlations: expected a rank correlation strictly between -1 and 1"), "\(result.stderr)")
    }

    @Test("compare says B's simulation settings are not used when they differ from A's (they were dropped without a word); flags setting both leave none")
    func compareDropsSimulationOfB() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let base = root.appendingPathComponent("Scenarios/iea-base-2024-2035.yaml").path
        let lbnl = root.appendingPathComponent("Scenarios/lbnl-us-2023-2028.yaml").path
        let result = try runAICarbon(["compare", base, base, "--set-a", "simulation={samples: 1000, seed: 5}",
                                      "--set-b", "simulation={samples: 3000, seed: 9, method: mc}", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "warning: B's simulation settings are not used: samples 3000 (A's 1000), seed 9 (A's 5); compare runs both "
                + "scenarios on A's, sample for sample (--samples, --seed, --method and --generator set both)\n", "\(result.stderr)")
        #expect(result.stdout.contains("B's simulation settings are not used"))
        let files = try runAICarbon(["compare", base, lbnl, "--samples", "1000", "--years", "2024", "--format", "json"])
        #expect(files.status == 0 && files.stderr.contains("seed 2024 (A's 2025)") && !files.stderr.contains("samples 20000"), "\(files.stderr)")
        let flags = try runAICarbon(["compare", base, lbnl, "--samples", "1000", "--seed", "7", "--years", "2024", "--format", "json"])
        #expect(flags.status == 0 && flags.stderr.isEmpty, "\(flags.stderr)")
    }
}
