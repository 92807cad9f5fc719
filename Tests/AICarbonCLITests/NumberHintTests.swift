import Testing

/// The review of issue 15: the hint of a malformed plain number fits the input (a PUE "1.2", a growth
/// factor "1.3" or "30%", a fraction "0.4" or "40%"), never an example the input would misread.
@Suite("number hints (issue 15 review)")
struct NumberHintTests {
    @Test("the number hint fits the input", arguments: [
        (["rebound", "--efficiency-gain", "nan", "--elasticity", "-1"], "--efficiency-gain: expected a growth factor such as \"1.3\" or \"30%\""),
        (["estimate", "--chip-hours", "1000", "--power", "400 W", "--grid", "FRA", "--pue", "nan"], "--pue: expected a plain number such as \"1.2\""),
        (["estimate", "--chip-hours", "1000", "--power", "400 W", "--grid", "FRA", "--power-utilization", "x"],
         "--power-utilization: expected a fraction such as \"0.4\" or \"40%\""),
    ])
    func hint(_ arguments: [String], _ expected: String) throws {
        let result = try runAICarbon(arguments)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("Error: \(expected)"), "\(result.stderr)")
    }
}
