import Foundation
import Testing
@testable import AICarbon

/// A sample count from a scenario file's `simulation:` that the run refuses (more than memory holds) is
/// reported at its line, like every other field of the file; a count given by the caller (`--samples`)
/// is not placed in the file (a fuzzing find: `simulation: {samples: 1e12}` gave no line).
@Suite("sample count errors placed at simulation.samples")
struct SampleCountPlacementTests {
    static let estimate = "kind: estimate\nchips: 8\nhours: 10\npower: 300 W\ngrid: FRA\nsimulation: {samples: 1e12}\n"
    static let projection = """
        kind: projection
        start_year: 2024
        end_year: 2025
        base_electricity: 415 TWh
        ai_share: 0.2
        ai_growth: 1.1 to 1.3
        conventional_growth: 1.05
        simulation:
          samples: 1e12

        """

    /// The document's run with `samples`, and its error.
    static func runError(_ text: String, path: String, samples: Int, overrides: [(key: String, value: String)] = []) throws -> InputError {
        let document = try ScenarioFile.parseDocument(text, path: path, overrides: overrides)
        let settings = SimulationSettings(samples: samples, seed: 1, threads: 1)
        return try #require(throws: InputError.self) {
            switch document {
            case .estimate(let s): _ = try s.run(catalog: Catalog.bundled(), settings: settings)
            case .projection(let p): _ = try p.run(catalog: Catalog.bundled(), settings: settings)
            }
        }
    }

    @Test("the file's count: its line and column, as simulation.samples")
    func fromFile() throws {
        let e = try Self.runError(Self.estimate, path: "big.yaml", samples: 1_000_000_000_000)
        #expect(e.field == "simulation.samples" && e.location == InputLocation(file: "big.yaml", line: 6, column: 23), "\(e)")
        #expect(e.description.hasPrefix("big.yaml:6:23: simulation.samples: expected at most about "), "\(e)")
        let p = try Self.runError(Self.projection, path: "p.yaml", samples: 1_000_000_000_000)
        #expect(p.field == "simulation.samples" && p.location == InputLocation(file: "p.yaml", line: 9, column: 12), "\(p)")
    }

    @Test("a count set with --set simulation={…} is the flag's")
    func fromSet() throws {
        let e = try Self.runError(Self.estimate, path: "big.yaml", samples: 900_000_000_000,
                                  overrides: [("simulation", "{samples: 9e11}")])
        #expect(e.description.hasPrefix("--set: simulation.samples: expected at most about "), "\(e)")
    }

    @Test("another count (the caller's --samples) is not placed in the file", arguments: [true, false])
    func fromCaller(_ isProjection: Bool) throws {
        let e = try Self.runError(isProjection ? Self.projection : Self.estimate, path: "big.yaml", samples: 900_000_000_000)
        #expect(e.field == "samples" && e.location == nil, "\(e)")
    }
}
