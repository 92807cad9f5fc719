import Foundation
import Testing

/// One recorded command of `Fixtures/commands.txt`.
struct OutputFixture: CustomTestStringConvertible, Sendable {
    let name: String
    let arguments: [String]
    var testDescription: String { name }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Every fixture listed in `Fixtures/commands.txt`.
    static let all: [OutputFixture] = {
        guard let text = try? String(contentsOf: folder.appendingPathComponent("commands.txt"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#"), let tab = line.firstIndex(of: "\t") else { return nil }
            return OutputFixture(name: String(line[..<tab]), arguments: words(line[line.index(after: tab)...]))
        }
    }()

    /// Splits on spaces; text between double quotes stays one word.
    static func words(_ text: Substring) -> [String] {
        var words: [String] = [], word = "", quoted = false, started = false
        for c in text {
            if c == "\"" { quoted.toggle(); started = true; continue }
            if c == " ", !quoted {
                if started { words.append(word) }
                word = ""; started = false
            } else {
                word.append(c); started = true
            }
        }
        if started { words.append(word) }
        return words
    }
}

/// The printed output of the shipped scenarios and the README's examples, recorded before the
/// one-simulation-path change, must stay identical byte for byte (same seed, same sample count).
@Suite("Recorded outputs")
struct OutputFixtureTests {
    @Test("the fixture list is read")
    func listed() {
        #expect(OutputFixture.all.count >= 60)
    }

    @Test("output is identical to the recorded one", arguments: OutputFixture.all)
    func identical(_ fixture: OutputFixture) throws {
        let result = try runAICarbon(fixture.arguments)
        // A refusal is recorded too: its exit status and its message.
        let printed = result.status == 0 ? result.stdout : "exit \(result.status)\n\(result.stdout)\(result.stderr)"
        let file = OutputFixture.folder.appendingPathComponent(fixture.name)
        if ProcessInfo.processInfo.environment["AICARBON_RECORD_FIXTURES"] == "1" {
            try Data(printed.utf8).write(to: file, options: .atomic)
            return
        }
        let recorded = try String(contentsOf: file, encoding: .utf8)
        #expect(printed == recorded, "\(fixture.name) differs from its recording")
    }
}
