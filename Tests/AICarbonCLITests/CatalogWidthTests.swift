import Foundation
import Testing

/// `aicarbon catalog hardware` and `grids` were 500–600 characters wide, most of it the source column: a
/// listing of several rows shortens sources to 60 characters and says so; one row, CSV and JSON keep them whole.
@Suite("catalog tables shorten long sources")
struct CatalogWidthTests {
    @Test("several rows: sources at most 60 characters, ending in …, with the note; every line far narrower than before",
          arguments: ["hardware", "grids"])
    func shortened(_ kind: String) throws {
        let result = try runAICarbon(["catalog", kind])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.last == "(sources shortened to 60 characters: --search ID shows one whole; --format csv or json gives every source whole)")
        let header = try #require(lines.first)
        let start = try #require(header.range(of: "source", options: .backwards)).lowerBound
        let column = header.distance(from: header.startIndex, to: start)
        for line in lines.dropFirst(2).dropLast() {
            #expect(line.count - column <= 60, "\(line)")
        }
        #expect(lines.dropFirst(2).dropLast().contains { $0.hasSuffix("…") })
        #expect(lines.allSatisfy { $0.count < 300 }, "\(lines.map(\.count).max() ?? 0)")
    }

    @Test("one row (--search) shows its source whole, and CSV gives every source whole")
    func whole() throws {
        let one = try runAICarbon(["catalog", "hardware", "--search", "h100-sxm"])
        #expect(one.status == 0 && !one.stdout.contains("…") && !one.stdout.contains("sources shortened"), "\(one.stdout)")
        let csv = try runAICarbon(["catalog", "hardware", "--format", "csv"])
        #expect(!csv.stdout.contains("…") && csv.stdout.split(separator: "\n").contains { $0.count > 300 })
    }
}
