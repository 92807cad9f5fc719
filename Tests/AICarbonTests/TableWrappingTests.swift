import Testing
@testable import AICarbon

/// Long lines of a table's notes (warnings, assumptions with their sources) are broken at spaces into lines
/// of at most 100 characters, continuation lines indented, instead of running to 300 characters and more.
@Suite("Table notes wrap at 100 columns")
struct TableWrappingTests {
    @Test("breaks at spaces, keeps leading spaces, indents continuations, keeps an over-long word whole")
    func wrapped() {
        #expect(TableRenderer.wrapped("short line") == "short line")
        #expect(TableRenderer.wrapped("aaa bbb ccc ddd", width: 9) == "aaa bbb\n  ccc ddd")
        #expect(TableRenderer.wrapped("aaa bbb ccc ddd", width: 8) == "aaa bbb\n  ccc\n  ddd")
        #expect(TableRenderer.wrapped("  aaa bbb ccc", width: 9, indent: 4) == "  aaa bbb\n    ccc")
        #expect(TableRenderer.wrapped("x " + String(repeating: "y", count: 20), width: 10) == "x\n  " + String(repeating: "y", count: 20))
        let words = (0..<60).map { "w\($0)" }.joined(separator: " ")
        let lines = TableRenderer.wrapped(words).split(separator: "\n")
        #expect(lines.count > 1 && lines.allSatisfy { $0.count <= 100 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("  ") && !$0.hasPrefix("   ") })
        #expect(lines.joined(separator: " ").split(separator: " ").joined(separator: " ") == words)
    }

    @Test("the README's planned estimate: every assumed line within 100 columns, each source whole when rejoined")
    func assumptions() throws {
        let report = try Estimate.run(plannedSpec(), catalog: Catalog.bundled(), settings: SimulationSettings(samples: 2_000, seed: 1, threads: 2))
        let table = TableRenderer().render(report)
        let block = try #require(table.components(separatedBy: "assumed (not given):\n").last)
        #expect(block.split(separator: "\n").allSatisfy { $0.count <= 100 }, "\(block)")
        let rejoined = block.replacingOccurrences(of: "\n    ", with: " ")
        for a in report.assumptions { #expect(rejoined.contains(a.source), "\(a.input)") }
    }
}
