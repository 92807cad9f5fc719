import Foundation
import Testing
@testable import AICarbon

/// Review of issue 15: inputs that made the tool hang or run for minutes are refused at once, with one
/// message naming the key.
@Suite("Input limits: YAML aliases, long names, many percentiles")
struct InputLimitTests {
    /// `levels` lines, each a list of ten aliases of the line before: 10^levels nodes once expanded (7 levels
    /// took 16 s, 29 never ended).
    static func laughs(levels: Int, asKey: Bool = false) -> String {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for i in 1..<levels {
            lines.append("a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]")
        }
        if asKey { lines.append("? *a\(levels - 1)\n: 1") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Runs `body`, returning the error it throws and how long it took.
    static func timed(_ body: () throws -> Void) -> (InputError?, Duration) {
        let start = ContinuousClock.now
        do {
            try body()
            return (nil, ContinuousClock.now - start)
        } catch {
            return (error as? InputError, ContinuousClock.now - start)
        }
    }

    @Test("nested YAML aliases in a file are refused at the first alias's line, at once", arguments: [(7, false), (29, false), (29, true)])
    func aliasesInFile(_ levels: Int, _ asKey: Bool) {
        let (error, time) = Self.timed { _ = try ScenarioFile.parseDocument(Self.laughs(levels: levels, asKey: asKey), path: "laughs.yaml") }
        #expect(error?.description == "laughs.yaml:2: syntax: expected a scenario without YAML aliases (*a0), found an alias")
        #expect(time < .seconds(1), "\(time)")
    }

    @Test("one alias is refused too, in a scenario that would otherwise be valid")
    func singleAlias() {
        let text = "hardware: &h h100\nchips: 8\nhours: 10\nrecipe: scratch\ndescription: *h\n"
        let (error, _) = Self.timed { _ = try ScenarioFile.parseDocument(text, path: "one.yaml") }
        #expect(error?.description == "one.yaml:5: syntax: expected a scenario without YAML aliases (*h), found an alias")
    }

    @Test("stars that are not aliases (in text, quotes and comments) are accepted")
    func starsInText() throws {
        let text = "hardware: h100 # *not an alias\nchips: 8\nhours: 10\ndescription: a *very* rough \"*guess*\" of 2 * 3\n"
        guard case .estimate(let s) = try ScenarioFile.parseDocument(text, path: "stars.yaml") else { Issue.record("not an estimate"); return }
        #expect(s.description == "a *very* rough \"*guess*\" of 2 * 3")
    }

    @Test("nested YAML aliases in a --set value are refused at --set, at once")
    func aliasesInSet() throws {
        var levels = ["&a0 [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]"]
        for i in 1..<29 { levels.append("&a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]") }
        let value = "[" + levels.joined(separator: ", ") + "]"
        let text = "hardware: h100\nchips: 8\nhours: 10\n"
        let (error, time) = Self.timed { _ = try ScenarioFile.parseDocument(text, path: "s.yaml", overrides: [("correlations", value)]) }
        #expect(error?.description == "--set: correlations: expected a value without YAML aliases (*a0), found an alias")
        #expect(time < .seconds(1), "\(time)")
    }

    @Test("a grid or hardware name of 990,000 characters is refused at once, naming the key (it took 153 s)")
    func longNames() throws {
        let long = String(repeating: "x", count: 990_000)
        for (key, what) in [("grid", "a region name"), ("hardware", "an accelerator name")] {
            let text = "chips: 8\nhours: 10\npower: 300 W\n\(key): \(long)\n"
            let (error, time) = Self.timed {
                guard case .estimate(let s) = try ScenarioFile.parseDocument(text, path: "long.yaml") else { return }
                _ = try s.resolve(catalog: Catalog.bundled())
            }
            #expect(error?.description == "long.yaml:4:\(key.count + 3): \(key): expected \(what) of at most 200 characters, found 990000 characters")
            #expect(time < .seconds(1), "\(time)")
        }
    }

    @Test("names up to the limit are still looked up, and a long misspelling gets no suggestions")
    func nameLimit() throws {
        let catalog = try Catalog.bundled()
        #expect(try catalog.grid(named: "France").id == "FRA")
        let padded = "France" + String(repeating: " ", count: Catalog.maximumNameLength - 6)
        #expect(try catalog.grid(named: padded).id == "FRA")
        #expect(throws: InputError.self) { try catalog.grid(named: padded + " ") }
        #expect(NameIndex(["france"].map { [$0] }).suggestions(for: String(repeating: "f", count: 201)).isEmpty)
    }

    @Test("at most 50 percentiles in simulation.percentiles (110,000 took 82 s)")
    func percentiles() throws {
        let list = (1...51).map { "\(Double($0) / 1000)" }.joined(separator: ", ")
        let text = "hardware: h100\nchips: 8\nhours: 10\nsimulation:\n  percentiles: [\(list)]\n"
        let (error, _) = Self.timed { _ = try ScenarioFile.parseDocument(text, path: "p.yaml") }
        #expect(error?.description == "p.yaml:5:16: simulation.percentiles: expected at most 50 percentiles, found 51")
        let fifty = (1...50).map { "\($0)" }.joined(separator: ", ")
        guard case .estimate(let s) = try ScenarioFile.parseDocument("hardware: h100\nchips: 8\nhours: 10\nsimulation: {percentiles: [\(fifty)]}\n",
                                                                     path: "p.yaml") else { Issue.record("not an estimate"); return }
        #expect(s.simulation.percentiles.count == 50)
    }
}
