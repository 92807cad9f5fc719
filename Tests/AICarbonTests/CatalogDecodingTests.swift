import Foundation
import Testing
@testable import AICarbon

/// ``Catalog/bundled()`` decodes the embedded catalogs with ``CatalogJSONReader`` instead of `JSONDecoder`: the same
/// catalog, and errors that name the document, line, column and key.
@Suite("Catalog decoding")
struct CatalogDecodingTests {
    @Test("the fast reader and Codable give the same bundled catalog, value for value")
    func sameAsCodable() throws {
        let fast = try Catalog.decodeEmbedded()
        let codable = try Catalog.decodeEmbeddedWithCodable()
        #expect(fast.accelerators.count == 39 && fast.grids.count == 416 && fast.generationSources.count == 8)
        #expect(fast.accelerators == codable.accelerators)
        #expect(fast.grids == codable.grids)
        #expect(fast.generationSources == codable.generationSources)
        #expect(fast.defaultDatasetSigma == codable.defaultDatasetSigma)
        // `==` on Double treats 0.0 and -0.0 as equal; the dumps print every value's shortest round-trip text.
        for (a, b) in zip(fast.accelerators, codable.accelerators) { #expect(dumped(a) == dumped(b)) }
        for (a, b) in zip(fast.grids, codable.grids) {
            // A dictionary's order differs between two equal ones: the mixes are compared apart, by bit pattern.
            var (plainA, plainB) = (a, b)
            (plainA.generationMix, plainB.generationMix) = (nil, nil)
            #expect(dumped(plainA) == dumped(plainB))
            #expect(a.generationMix?.mapValues(\.bitPattern) == b.generationMix?.mapValues(\.bitPattern))
        }
        #expect(dumped(fast.generationSources) == dumped(codable.generationSources))
    }

    @Test("every name in the bundled catalog finds the same entry in both catalogs")
    func sameLookups() throws {
        let fast = try Catalog.bundled()
        let codable = try Catalog.decodeEmbeddedWithCodable()
        for a in codable.accelerators {
            for name in [a.id, a.name] + a.aliases {
                #expect(try fast.accelerator(named: name).id == codable.accelerator(named: name).id, "\(name)")
            }
        }
        for g in codable.grids {
            for name in [g.id, g.name] + g.aliases {
                #expect(try fast.grid(named: name).id == codable.grid(named: name).id, "\(name)")
            }
        }
    }

    @Test("strings: every JSON escape, surrogate pairs and raw UTF-8", arguments: [
        (#""plain""#, "plain"), (#""a\"b\\c\/d""#, "a\"b\\c/d"), (#""\b\f\n\r\t""#, "\u{08}\u{0C}\n\r\t"),
        (#""caf\u00e9 \u00E9""#, "café é"), (#""\ud83d\ude00!""#, "😀!"), (#""Côte d'Ivoire""#, "Côte d'Ivoire"),
        (#""""#, ""), (#""x\u0000y""#, "x\u{0}y"),
        // Longer than the eight-byte scan, with the special byte at each offset of a word.
        (#""0123456789abcdefghij\"klmnopqrstuvwxyz\\0123456789""#, "0123456789abcdefghij\"klmnopqrstuvwxyz\\0123456789"),
        (#""Hydro-Québec (2016-2019 figures, one a single hour on 2 July 2019)""#,
         "Hydro-Québec (2016-2019 figures, one a single hour on 2 July 2019)"),
        (#""abcdefg\nhijklmno\u00e9pqrstuvw\"""#, "abcdefg\nhijklmnoépqrstuvw\""),
    ])
    func strings(_ json: String, _ expected: String) throws {
        let value = try Catalog.withBytes(of: json, document: "test") { (reader: inout CatalogJSONReader) throws(InputError) in
            try reader.string("value")
        }
        #expect(value == expected)
        #expect(value == (try JSONDecoder().decode(String.self, from: Data(json.utf8))))
    }

    @Test("numbers round to the same Double as Double(_:) and JSONDecoder")
    func numbers() throws {
        var texts = ["0", "-0", "-0.0", "1", "0.1", "0.3", "3.7", "1e-05", "6.5e-05", "9.8e-05", "2.5E+3", "21200000000000.0",
                     "125000000000000.0", "989000000000000.0", "0.30000000000000004", "1.7976931348623157e308", "5e-324",
                     "2.2250738585072014e-308", "123456789012345678", "9007199254740993", "0.000000000000000000001234",
                     "1e22", "1e23", "12345678901234567890e-10", "0.04172", "1.090033", "-273.15"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11
        }
        for _ in 0..<2000 {
            let mantissa = next() % 10_000_000_000_000_000
            let digits = String(mantissa)
            let point = Int(next() % UInt64(digits.count + 1))
            let exponent = Int(next() % 61) - 30
            var text = String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
            if text.hasPrefix(".") { text = "0" + text }
            if text.hasSuffix(".") { text += "0" }
            if next() % 2 == 0 { text += "e\(exponent)" }
            texts.append(text)
        }
        for text in texts {
            let parsed = try Catalog.withBytes(of: text, document: "test") { (reader: inout CatalogJSONReader) throws(InputError) in
                try reader.double("value")
            }
            let reference = try #require(Double(text))
            #expect(parsed.bitPattern == reference.bitPattern, "\(text)")
            let decoded = try JSONDecoder().decode(Double.self, from: Data(text.utf8))
            #expect(parsed.bitPattern == decoded.bitPattern, "\(text)")
        }
    }

    @Test("integers: 2016 and 2016.0 as JSONDecoder reads them; 2016.5 is an error")
    func integers() throws {
        func integer(_ text: String) throws(InputError) -> Int {
            try Catalog.withBytes(of: text, document: "test") { (reader: inout CatalogJSONReader) throws(InputError) in
                try reader.integer("year")
            }
        }
        #expect(try integer("2016") == 2016)
        #expect(try integer("2016.0") == 2016)
        #expect(try integer("-7") == -7)
        let error = try #require(throws: InputError.self) { try integer("2016.5") }
        #expect(error.field == "year" && error.expected == "an integer" && error.found == "2016.5")
    }

    /// A grid object with one line per member, as `scripts/build_catalogs.py` writes it.
    static let gridLines = [
        #"{"#,
        #" "id": "FRA","#,
        #" "name": "France","#,
        #" "kind": "country","#,
        #" "aliases": ["FR"],"#,
        #" "intensity_kg_per_kwh": 0.056,"#,
        #" "year": 2022,"#,
        #" "source": "test","#,
        #" "basis": {"emissions": "lifecycle", "method": "location-based", "scope": "production"},"#,
        #" "spread": {"dataset_sigma": 0.04, "dataset_sigma_measured": true, "mix_of": null},"#,
        #" "generation_mix": {"nuclear": 0.7, "hydro": 0.3},"#,
        #" "unknown_member": [1, {"nested": [true, false, null, "x"]}],"#,
        #" "location_grid": null"#,
        #"}"#,
    ]

    static func grid(_ lines: [String]) throws(InputError) -> Grid {
        try Catalog.withBytes(of: lines.joined(separator: "\n"), document: "grids.json") {
            (reader: inout CatalogJSONReader) throws(InputError) in
            reader.entity = ("grids", 3)
            let grid = try Grid(catalogJSON: &reader)
            reader.entity = nil
            return grid
        }
    }

    @Test("a well-formed grid reads as Codable reads it: unknown members skipped, null optionals nil")
    func wellFormedGrid() throws {
        let text = Self.gridLines.joined(separator: "\n")
        let grid = try Self.grid(Self.gridLines)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        #expect(grid == (try decoder.decode(Grid.self, from: Data(text.utf8))))
        #expect(grid.generationMix == ["nuclear": 0.7, "hydro": 0.3] && grid.locationGrid == nil && grid.spread?.mixOf == nil)
    }

    struct Defect: Sendable, CustomTestStringConvertible {
        var name: String
        var edit: @Sendable ([String]) -> [String]
        var field: String
        var expected: String
        var found: String
        var line: Int
        var column: Int
        var testDescription: String { name }
    }

    static func replacing(_ line: Int, with text: String) -> @Sendable ([String]) -> [String] {
        { lines in
            var lines = lines
            lines[line] = text
            return lines
        }
    }

    static let defects: [Defect] = [
        Defect(name: "missing required member", edit: { lines in lines.filter { !$0.contains("\"year\"") } },
               field: "grids[3].year", expected: "a `year` member", found: "an object without it", line: 1, column: 1),
        Defect(name: "string where a number belongs", edit: replacing(5, with: #" "intensity_kg_per_kwh": "0.056","#),
               field: "grids[3].intensity_kg_per_kwh", expected: "a number", found: "`\"0.056\",\n \"year\": 20`", line: 6, column: 26),
        Defect(name: "number where a string belongs", edit: replacing(2, with: #" "name": 7,"#),
               field: "grids[3].name", expected: "a string", found: "`7,\n \"kind\": \"country`", line: 3, column: 10),
        Defect(name: "unknown basis", edit: replacing(8, with: #" "basis": {"emissions": "smoke", "method": "location-based", "scope": "production"},"#),
               field: "grids[3].basis.emissions", expected: #"one of "lifecycle", "direct combustion", "not stated""#,
               found: #""smoke""#, line: 9, column: 32),
        Defect(name: "wrong type inside spread", edit: replacing(9, with: #" "spread": {"dataset_sigma": 0.04, "dataset_sigma_measured": "yes"},"#),
               field: "grids[3].spread.dataset_sigma_measured", expected: "true or false", found: "`\"yes\"},\n \"generation`",
               line: 10, column: 62),
        Defect(name: "missing comma", edit: replacing(6, with: #" "year": 2022"#),
               field: "grids[3]", expected: "`,` or `}` after an object member", found: "`\"source\": \"test\",\n \"`",
               line: 8, column: 2),
        Defect(name: "unterminated string", edit: { lines in Array(lines.prefix(7)) + [#" "source": "test"#] },
               field: "grids[3].source", expected: "a string closed by `\"`", found: "`\"test`", line: 8, column: 12),
        Defect(name: "raw control character in a long string", edit: replacing(7, with: " \"source\": \"a long source text\twith a tab\","),
               field: "grids[3].source", expected: "a control character escaped inside a string",
               found: "`\twith a tab\",\n \"basi`", line: 8, column: 31),
        Defect(name: "bad escape", edit: replacing(7, with: #" "source": "te\qst","#),
               field: "grids[3].source", expected: #"an escape `\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t` or `\uXXXX`"#,
               found: "`\\qst\",\n \"basis\": {\"e`", line: 8, column: 15),
        Defect(name: "lone surrogate", edit: replacing(7, with: #" "source": "\udc00","#),
               field: "grids[3].source", expected: "a Unicode scalar, not a lone surrogate", found: "`\\udc00\",\n \"basis\": {`", line: 8, column: 13),
        Defect(name: "trailing text", edit: { lines in lines + ["]"] },
               field: "catalog", expected: "the end of the document", found: "`]`", line: 15, column: 1),
        Defect(name: "empty document", edit: { _ in [""] },
               field: "grids[3].grids", expected: "an object", found: "the end of the document", line: 1, column: 1),
    ]

    @Test("a defect names the document, line, column, key path, what was expected and what was found", arguments: defects)
    func defect(_ defect: Defect) throws {
        let error = try #require(throws: InputError.self) { try Self.grid(defect.edit(Self.gridLines)) }
        #expect(error.field == defect.field)
        #expect(error.expected == defect.expected)
        #expect(error.found == defect.found)
        #expect(error.location == InputLocation(file: "grids.json", line: defect.line, column: defect.column))
    }

    private func dumped<T>(_ value: T) -> String {
        var text = ""
        dump(value, to: &text)
        return text
    }
}
