import Foundation
import Testing
@testable import AICarbon

/// Issue 15: no crash, hang or silent wrong number on any input.
@Suite("Reliability: limits, growth units, rebound arithmetic, error messages")
struct ReliabilityTests {
    static let pue = NumericField("pue", .dimensionless, .atLeastOne)

    static func nested(_ depth: Int) -> String {
        String(repeating: "truncated(", count: depth) + "normal(1.2, 0.1)" + String(repeating: ", 1, 2)", count: depth)
    }

    @Test("a distribution nested 4,000 deep is refused up front (no stack overflow), quickly")
    func deepNesting() {
        let start = Date()
        #expect(throws: InputError.self) { try DistributionParser.parse(Self.nested(4_000), field: Self.pue) }
        do {
            _ = try DistributionParser.parse(Self.nested(4_000), field: Self.pue)
        } catch {
            #expect(error.expected.contains("nested at most \(DistributionParser.maximumNesting) deep"), "\(error)")
        }
        #expect(Date().timeIntervalSince(start) < 1)
    }

    @Test("nesting up to the documented limit still parses")
    func nestingAtLimit() throws {
        // truncated(…) 31 deep around normal(…): 32 levels of parentheses.
        let d = try DistributionParser.parse(Self.nested(DistributionParser.maximumNesting - 1), field: Self.pue)
        #expect(d.quantile(0.5) > 1 && d.quantile(0.5) < 2)
    }

    @Test("beta and gamma with shapes above 1e5 are refused before any GSL iteration",
          arguments: ["beta(1e300, 1e300)", "beta(1e200, 2)", "beta(2, 1e6)", "gamma(1e300, 1)", "pert(0, 0.5, 1)"])
    func extremeShapes(_ text: String) {
        let field = NumericField("x", .dimensionless, .real)
        if text.hasPrefix("pert") {
            #expect((try? DistributionParser.parse(text, field: field)) != nil)
            return
        }
        do {
            _ = try DistributionParser.parse(text, field: field)
            Issue.record("\(text) was accepted")
        } catch {
            #expect(error.expected.contains("at most 100000"), "\(error)")
        }
    }

    @Test("a scenario file over 1 MB is refused before it is parsed; a directory is called a directory")
    func fileLimits() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("aicarbon-limits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let big = folder.appendingPathComponent("big.yaml")
        var text = "name: big\nchips: 8\n"
        text += String(repeating: "# padding padding padding padding padding padding padding padding\n", count: 40_000)
        try text.write(to: big, atomically: true, encoding: .utf8)
        let start = Date()
        do {
            _ = try ScenarioFile.loadDocument(big.path)
            Issue.record("a 2.6 MB file was accepted")
        } catch {
            #expect(error.expected.contains("at most 1 MB"), "\(error)")
        }
        #expect(Date().timeIntervalSince(start) < 1)
        do {
            _ = try ScenarioFile.loadDocument(folder.path)
            Issue.record("a directory was accepted")
        } catch {
            #expect(error.found.contains("a directory"), "\(error)")
        }
    }

    static func projection(_ extra: String) -> String {
        "kind: projection\nstart_year: 2024\nend_year: 2026\nbase_electricity: 415 TWh\nai_share: 0.2\nconventional_growth: 1.09\n" + extra
    }

    static func scalar(_ key: String, _ text: String) throws -> Distribution? {
        guard case .projection(let p) = try ScenarioFile.parseDocument(projection(text), path: "p.yaml") else { return nil }
        return p.spec.scalars[key]
    }

    @Test("a percentage in a growth key is a change a year: 30% is the factor 1.30, -5% is 0.95")
    func growthPercent() throws {
        #expect(try Self.scalar("ai_growth", "ai_growth: 30%\n") == .fixed(1.3))
        #expect(try Self.scalar("ai_growth", "ai_growth: 1.3\n") == .fixed(1.3))
        #expect(try Self.scalar("efficiency_gain", "ai_growth: 1.2\nefficiency_gain: 25%\n") == .fixed(1.25))
        let minus = try Self.scalar("ai_growth", "ai_growth: -5%\n")
        #expect(minus.map { abs($0.quantile(0.5) - 0.95) < 1e-15 } == true)
    }

    @Test("a percentage inside a growth distribution, or a change of -100%, is refused",
          arguments: ["ai_growth: 20% to 40%\n", "ai_growth: pert(10%, 20%, 30%)\n", "ai_growth: -100%\n"])
    func growthPercentRefused(_ line: String) {
        #expect(throws: InputError.self) { _ = try Self.scalar("ai_growth", line) }
    }

    @Test("rebound: no efficiency gain means no rebound (R = 0), not R = -η")
    func noGainNoRebound() {
        #expect(Rebound.rebound(1, -0.3) == 0)
        #expect(Rebound(efficiencyGain: 1, elasticity: -0.3).reboundClass == .none)
    }

    @Test("rebound near k = 1 does not cancel: R tends to -η smoothly", arguments: [1e-6, 1e-9, 1e-12, 1e-14])
    func reboundNearOne(_ epsilon: Double) {
        let eta = -0.3, k = 1 + epsilon
        // R = -k^(-1) expm1(-η ln k) / expm1(-ln k) ≈ -η (1 + (η... )ε): within 1e-6 of 0.3 for ε ≤ 1e-6.
        let r = Rebound.rebound(k, eta)
        #expect(abs(r - 0.3) < 2 * epsilon + 1e-15, "k = 1 + \(epsilon): \(r)")
        #expect(Rebound.classify(r) == .partial)
    }

    @Test("an aggregate projection with an elasticity but no efficiency gain reports R = 0 every year")
    func aggregateNoGain() throws {
        guard case .projection(let p) = try ScenarioFile.parseDocument(Self.projection("ai_growth: 1.2\nelasticity: -0.5\n"), path: "p.yaml")
        else { Issue.record("not a projection"); return }
        let report = try p.run(catalog: Catalog.bundled(), settings: SimulationSettings(samples: 200, threads: 2))
        let r = try #require(report.outputs.firstIndex(of: .rebound))
        for summary in report.summaries {
            #expect(summary[r].mean == 0)
        }
    }

    @Test("error messages are one short line: long inputs cut, control characters escaped")
    func errorMessages() {
        let long = String(repeating: "x", count: 5_000)
        let e = InputError(field: "pue", expected: "a number", found: "\"\(long)\u{1B}[31m\n\0\"")
        let text = e.description
        #expect(text.count < 400)
        #expect(!text.contains("\n") && !text.contains("\u{1B}") && !text.contains("\0"))
        let short = InputError(field: "pue", expected: "a number", found: "\"a\u{1B}[2Jb\nc\"").description
        #expect(short == "pue: expected a number, found \"a\\u{1B}[2Jb\\nc\"")
    }

    @Test("characters that print as a space or as nothing are escaped in errors (chi\\u{200B}ps looked like chips); plain text, accents and the space are not")
    func invisibleCharacters() throws {
        let cases = [("64\u{A0}", "64\\u{A0}"), ("300\u{2009}W", "300\\u{2009}W"), ("chi\u{200B}ps", "chi\\u{200B}ps"), ("\u{FEFF}pue", "\\u{FEFF}pue"),
                     ("a\u{3000}b", "a\\u{3000}b"), ("pue\u{FE0F}", "pue\\u{FE0F}"), ("W\u{3164}", "W\\u{3164}"), ("\u{2800}", "\\u{2800}"),
                     ("Curaçao Zürich 1 W", "Curaçao Zürich 1 W")]
        for (text, shown) in cases { #expect(InputError.printable(text) == shown, "\(text)") }
        // Through the CLI's parser: a non-breaking space after a number is named, not shown as a space.
        let field = try #require(InputRegistry.definition("chips")).field()
        #expect(throws: InputError.self) { try DistributionParser.parse("64\u{A0}", field: field) }
        do { _ = try DistributionParser.parse("64\u{A0}", field: field) } catch { #expect(error.description.contains("\\u{A0}"), "\(error)") }
    }

    @Test("--set kind=projection on an estimate's keys is refused at --set, never \"expected estimate or projection, found projection\"")
    func kindOverride() throws {
        let text = "name: planned\nparams: 70B\ntokens: 2T\nhardware: h100\nchips: 1024\n"
        #expect(throws: Never.self) { try ScenarioFile.parseDocument(text, path: "s.yaml", overrides: [("kind", "estimate")]) }
        do {
            _ = try ScenarioFile.parseDocument(text, path: "s.yaml", overrides: [("kind", "projection")])
            Issue.record("an estimate's keys read as a projection should be refused")
        } catch {
            // The override's fault, named at --set (it was blamed on the file's params line).
            #expect(error.field == "kind" && error.expected.contains("its key params at line 2 is not a projection key")
                    && error.location?.description == "--set", "\(error)")
        }
        do {
            _ = try ScenarioFile.parseDocument(text, path: "s.yaml", overrides: [("kind", "forecast")])
            Issue.record("an unknown kind should be refused")
        } catch {
            #expect(error.field == "kind" && error.expected == "estimate or projection" && error.found == "\"forecast\"")
        }
    }

    @Test("a continuous chip count is refused with a suggestion that works (discrete counts), not truncated(…)",
          arguments: ["uniform(1, 10)", "8 to 16", "pert(1, 4, 10)"])
    func chipCountHint(_ text: String) throws {
        do {
            _ = try DistributionParser.parse(text, field: InputSlot.chips.field())
            Issue.record("a continuous chip count should be refused")
        } catch {
            #expect(error.field == "--chips" || error.field == "chips")
            #expect(error.expected.contains("discrete(512: 0.25, 1024: 0.5, 2048: 0.25)") && !error.expected.contains("truncated"))
        }
        // The suggestion itself is accepted.
        let suggested = try DistributionParser.parse("discrete(512: 0.25, 1024: 0.5, 2048: 0.25)", field: InputSlot.chips.field())
        guard case .discrete(let values, _) = suggested else { Issue.record("not discrete: \(suggested)"); return }
        #expect(values == [512, 1024, 2048])
    }

    @Test("aggregate mode: a PUE path scales facility energy from the start year's PUE (and leaves IT energy)")
    func aggregatePUE() throws {
        func energy(_ extra: String) throws -> [Double] {
            guard case .projection(let p) = try ScenarioFile.parseDocument(Self.projection("ai_growth: 1.2\n" + extra), path: "p.yaml")
            else { return [] }
            let report = try p.run(catalog: Catalog.bundled(), settings: SimulationSettings(samples: 100, threads: 2))
            let e = try #require(report.outputs.firstIndex(of: .energyKWh))
            return report.summaries.map { $0[e].mean }
        }
        let flat = try energy("pue: 1.2\n"), falling = try energy("pue_points: {2024: 1.2, 2026: 1.1}\n")
        #expect(flat.count == 3 && falling.count == 3)
        #expect(falling[0] == flat[0])
        #expect(abs(falling[2] / flat[2] - 1.1 / 1.2) < 1e-12)
    }

    @Test("lifetime is calendar service life: a given 6 years is 52,560 h, like the prior's 3-6 years; 85% use applies to both")
    func lifetimeSemantics() throws {
        let field = try #require(InputRegistry.definition("lifetime")).field()
        let sixYears: Double = 6 * 8760
        #expect(try DistributionParser.parse("6 years", field: field) == .fixed(sixYears))
        let calendarYear: Double = 8760
        #expect(Defaults.lifetime.distribution == Distribution.pert(3 * calendarYear, 5 * calendarYear, 6 * calendarYear))
        #expect(Defaults.lifetimeUse == 0.85)
    }

    @Test("discrete weights near the largest double are refused (they do not sum to 1) without overflow")
    func hugeDiscreteWeights() throws {
        do {
            _ = try DistributionParser.parse("discrete(1: 1e308, 2: 1e308)", field: NumericField("x", .dimensionless, .real))
            Issue.record("weights of 1e308 were accepted")
        } catch {
            #expect(error.expected.contains("sum to 1") && error.found.contains("inf"), "\(error)")
        }
    }
}
