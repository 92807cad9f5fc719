import Testing
@testable import AICarbon

@Suite("Quantity parsing")
struct QuantityParserTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var kind: QuantityKind
        var expected: Double
        var testDescription: String { "\"\(text)\"" }
    }

    static let accepted: [Case] = [
        Case(text: "400 W", kind: .power, expected: 400),
        Case(text: "1.2 kW", kind: .power, expected: 1200),
        Case(text: "57 g/kWh", kind: .carbonIntensity, expected: 0.057),
        Case(text: "0.385 kg/kWh", kind: .carbonIntensity, expected: 0.385),
        // 0.954 lb/kWh × 0.45359237 kg/lb (Strubell et al. 2019's US factor)
        Case(text: "0.954 lb/kWh", kind: .carbonIntensity, expected: 0.954 * 0.45359237),
        Case(text: "429 gCO2e/kWh", kind: .carbonIntensity, expected: 0.429),
        Case(text: "0.429 t/MWh", kind: .carbonIntensity, expected: 0.429),
        Case(text: "3.5 days", kind: .duration, expected: 84),
        Case(text: "79.2 h", kind: .duration, expected: 79.2),
        Case(text: "90 min", kind: .duration, expected: 1.5),
        Case(text: "0.24 Wh", kind: .energy, expected: 0.00024),
        Case(text: "1,287 MWh", kind: .energy, expected: 1_287_000),
        Case(text: "3.6 MJ", kind: .energy, expected: 1),
        Case(text: "175B", kind: .count, expected: 175e9),
        Case(text: "1.4T", kind: .count, expected: 1.4e12),
        Case(text: "6.7e9", kind: .count, expected: 6.7e9),
        Case(text: "1,022,362", kind: .count, expected: 1_022_362),
        Case(text: "70 billion", kind: .count, expected: 70e9),
        Case(text: "3.14e23 FLOP", kind: .flops, expected: 3.14e23),
        Case(text: "314 ZFLOP", kind: .flops, expected: 3.14e23),
        Case(text: "125 TFLOP/s", kind: .flopRate, expected: 125e12),
        Case(text: "989 TFLOPS", kind: .flopRate, expected: 989e12),
        Case(text: "40%", kind: .dimensionless, expected: 0.4),
        Case(text: "552.1 t", kind: .mass, expected: 552_100),
        Case(text: "626,155 lb", kind: .mass, expected: 626_155 * 0.45359237),
        Case(text: "0.26 mL", kind: .volume, expected: 0.00026),
        Case(text: "0.55 L/kWh", kind: .waterIntensity, expected: 0.55),
        Case(text: "  1.10  ", kind: .dimensionless, expected: 1.1),
    ]

    @Test("accepted spellings convert to base units", arguments: accepted)
    func accepts(_ c: Case) throws {
        let value = try QuantityParser.parse(c.text, as: c.kind, field: "--x")
        #expect(abs(value - c.expected) <= 1e-12 * abs(c.expected), "\(c.text) -> \(value)")
    }

    static let rejected: [(String, QuantityKind)] = [
        ("nan", .dimensionless), ("inf", .power), ("-inf W", .power), ("", .power), ("abc", .count),
        ("300 parsecs", .power), ("330", .carbonIntensity), ("1,2", .count), ("1,0000", .count),
        ("1e999", .count), ("5 W", .energy), ("0.4 kg", .carbonIntensity), ("12 furlongs", .duration), ("1.2.3", .count),
    ]

    @Test("malformed or ill-fitting text is an error naming the field and what was found", arguments: rejected)
    func rejects(_ text: String, _ kind: QuantityKind) {
        #expect {
            _ = try QuantityParser.parse(text, as: kind, field: "--flag")
        } throws: { error in
            let e = error as! InputError
            return e.field == "--flag" && e.expected == kind.examples && !e.found.isEmpty
        }
    }

    @Test("a nonzero number below the smallest normal double is refused, not read as 0 or a subnormal", arguments: [
        ("1e-320", QuantityKind.count), ("1e-400", .count), ("1e-310 W", .power), ("1e-306 Wh", .energy), ("-1e-320", .dimensionless),
        ("1e-310 TWh", .energy),
    ])
    func tooSmall(_ text: String, _ kind: QuantityKind) {
        let error = #expect(throws: InputError.self) { try QuantityParser.parse(text, as: kind, field: "x") }
        #expect(error?.found.contains("too small") == true, "\(String(describing: error))")
    }

    @Test("a value typed in range that the base unit takes below it says so, with the converted value")
    func tooSmallConverted() {
        let error = #expect(throws: InputError.self) { try QuantityParser.parse("1e-306 Wh", as: .energy, field: "x") }
        #expect(error?.found == "\"1e-306 Wh\" (too small, 1e-309 kWh in the base unit: nonzero magnitudes below 2.225e-308 are not represented)",
                "\(String(describing: error))")
    }

    @Test("a number beyond Double's range says it is too large, with the limit (it said \"not a finite number\")", arguments: [
        ("1.8e308", QuantityKind.dimensionless, "\"1.8e308\" (too large: magnitudes above 1.797e308 are not represented)"),
        ("-1e999", .dimensionless, "\"-1e999\" (too large: magnitudes above 1.797e308 are not represented)"),
        ("2e308 W", .power, "\"2e308 W\" (too large: magnitudes above 1.797e308 are not represented)"),
        ("1e300 PWh", .energy, "\"1e300 PWh\" (too large in kWh: magnitudes above 1.797e308 are not represented)"),
        ("1e300 T", .count, "\"1e300 T\" (too large as a plain number: magnitudes above 1.797e308 are not represented)"),
    ])
    func tooLarge(_ text: String, _ kind: QuantityKind, _ found: String) throws {
        let error = #expect(throws: InputError.self) { try QuantityParser.parse(text, as: kind, field: "x") }
        #expect(error?.found == found, "\(String(describing: error))")
        // The limit as printed is itself accepted.
        #expect(try QuantityParser.parse("1.797e308", as: .dimensionless, field: "x") == 1.797e308)
    }

    @Test("a refusal for size carries its reason as InputError.magnitude, in the words found gives; other refusals carry none", arguments: [
        ("1e-320", QuantityKind.count, InputError.MagnitudeRefusal.tooSmall("too small: nonzero magnitudes below 2.225e-308 are not represented")),
        ("1e-306 Wh", .energy, .tooSmall("too small, 1e-309 kWh in the base unit: nonzero magnitudes below 2.225e-308 are not represented")),
        ("1.8e308", .dimensionless, .tooLarge("too large: magnitudes above 1.797e308 are not represented")),
        ("1e300 PWh", .energy, .tooLarge("too large in kWh: magnitudes above 1.797e308 are not represented")),
    ])
    func magnitudeReason(_ text: String, _ kind: QuantityKind, _ reason: InputError.MagnitudeRefusal) {
        let error = #expect(throws: InputError.self) { try QuantityParser.parse(text, as: kind, field: "x") }
        #expect(error?.magnitude == reason, "\(String(describing: error))")
        #expect(error?.found == "\"\(text)\" (\(reason.explanation))", "\(String(describing: error))")
        for other in ["abc", "3 parsecs", "1 (too big)", ""] {
            let e = #expect(throws: InputError.self) { try QuantityParser.parse(other, as: kind, field: "x") }
            #expect(e?.magnitude == nil, "\(other)")
        }
    }

    @Test("a scenario file's number beyond Double's range is refused at its line with the limit")
    func tooLargeInFile() {
        let error = #expect(throws: InputError.self) {
            try ScenarioFile.parse("name: x\nchip_hours: 100\npower: 300\npue: 1.8e308\n", path: "big.yaml")
        }
        #expect(error?.description == "big.yaml:4:6: pue: expected a plain number such as \"1.2\", found \"1.8e308\" "
                + "(too large: magnitudes above 1.797e308 are not represented)", "\(String(describing: error))")
    }

    @Test("zero in any spelling stays 0, and the smallest normal double is read", arguments: [
        ("0", QuantityKind.count), ("0.000e-5", .count), ("0 gCO2/kWh", .carbonIntensity), ("2.3e-308", .dimensionless),
    ])
    func zeroAndTiny(_ text: String, _ kind: QuantityKind) throws {
        let value = try QuantityParser.parse(text, as: kind, field: "x")
        #expect(value == 0 || value.isNormal, "\(value)")
    }

    @Test("a bare number takes the field's default unit")
    func defaultUnit() throws {
        #expect(try NumericField("--power", .power, .positive, defaultUnit: "W").parse("330") == 330)
        #expect(try NumericField("--days", .duration, .positive, defaultUnit: "d").parse("14.8") == 14.8 * 24)
    }

    @Test("values outside the domain are rejected", arguments: [
        ("--pue", "0.9", ValueDomain.atLeastOne), ("--chips", "2.5", .positiveInteger), ("--power", "-5 W", .positive),
        ("--mfu", "1.5", .unitInterval), ("--inference-share", "1", .share),
    ])
    func domain(_ name: String, _ text: String, _ domain: ValueDomain) {
        let field = NumericField(name, name == "--power" ? .power : (name == "--chips" ? .count : .dimensionless), domain)
        #expect(throws: InputError.self) { try field.parse(text) }
        do { _ = try field.parse(text) } catch { #expect(error.description.contains(domain.text)) }
    }

    @Test("printed readable quantities parse back to the same value within the printed precision")
    func roundTrip() throws {
        for value in [0.00024, 0.5, 36.27, 1_289_376.0, 4.5e9, 2.2e12] {
            let text = ReadableQuantity.format(value, .energy)
            let back = try QuantityParser.parse(text, as: .energy, field: "x")
            #expect(abs(back - value) / value < 5e-4, "\(text)")
        }
        for value in [0.1357, 553_142.3, 3.2e9] {
            let text = ReadableQuantity.format(value, .mass)
            let back = try QuantityParser.parse(text, as: .mass, field: "x")
            #expect(abs(back - value) / value < 5e-4, "\(text)")
        }
    }

    @Test("no input string crashes the parser (5,000 strings from a fixed seed)")
    func fuzz() {
        var generator = SeededGenerator(seed: 20_261_123)
        let alphabet = Array("0123456789.,eE+-% kMGTWhgdaysL/lbtFLOPnfi")
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...12, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            for kind in QuantityKind.allCases {
                if let value = try? QuantityParser.parse(text, as: kind, field: "x") { #expect(value.isFinite) }
            }
        }
    }

    @Test("a long value refused for a reason is quoted by its start and length, so that the reason is not cut off (a 401-digit integer lost its 'too large')")
    func longValueKeepsReason() {
        let big = "1" + String(repeating: "0", count: 400)
        do {
            _ = try QuantityParser.parse(big, as: .count, field: "chip_hours")
            Issue.record("accepted")
        } catch {
            #expect(error.description.hasSuffix("found \"1000000000000000000000000000000000000000…\" (401 characters) (too large: magnitudes "
                                                + "above 1.797e308 are not represented)"), "\(error)")
        }
        // A short value is quoted whole, as before.
        #expect(throws: InputError.self) { try QuantityParser.parse("1e400", as: .count, field: "chip_hours") }
        do { _ = try QuantityParser.parse("1e400", as: .count, field: "chip_hours") } catch {
            #expect(error.found == "\"1e400\" (too large: magnitudes above 1.797e308 are not represented)", "\(error)")
        }
    }
}

/// A deterministic generator for reproducible fuzzing (SplitMix64).
struct SeededGenerator: RandomNumberGenerator {
    var inner: SplitMixForTests
    init(seed: UInt64) { inner = SplitMixForTests(seed: seed) }
    mutating func next() -> UInt64 { inner.next() }
}
