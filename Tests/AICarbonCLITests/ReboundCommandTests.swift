import Foundation
import Testing

@Suite("aicarbon rebound")
struct ReboundCommandTests {
    @Test("JSON contract: efficiency_gain, elasticity, expected_saving, actual_saving, rebound, class")
    func json() throws {
        let result = try runAICarbon(["rebound", "--efficiency-gain", "2", "--elasticity", "-1.5", "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["efficiency_gain", "elasticity", "expected_saving", "actual_saving", "rebound", "class"])
        #expect(object["class"] as? String == "backfire")
        #expect(abs((object["rebound"] as? Double ?? 0) - 1.8284) < 1e-4)
    }

    @Test("a table across elasticities explains every class")
    func table() throws {
        let result = try runAICarbon(["rebound", "--efficiency-gain", "2", "--elasticities", "-1.5,-1,-0.5,0"])
        #expect(result.status == 0)
        for word in ["backfire", "full", "partial", "none", "super-conservation", "Jevons"] { #expect(result.stdout.contains(word)) }
        let json = try runAICarbon(["rebound", "--efficiency-gain", "2", "--elasticities", "-1.5,-1,-0.5,0", "--format", "json"])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(list.map { $0["class"] as? String } == ["backfire", "full", "partial", "none"])
    }

    @Test("bad input: non-numeric elasticity, zero gain, empty list, missing elasticity", arguments: [
        ["--efficiency-gain", "2", "--elasticity", "abc"], ["--efficiency-gain", "0", "--elasticity", "-1"],
        ["--efficiency-gain", "2", "--elasticities", ""], ["--efficiency-gain", "2"], ["--efficiency-gain", "2", "--elasticity", "nan"],
    ])
    func bad(_ arguments: [String]) throws {
        let result = try runAICarbon(["rebound"] + arguments)
        #expect(result.status != 0)
        #expect(result.stderr.contains("expected"))
    }

    @Test("a huge gain whose demand falls is super-conservation with R = -1e-308, not none (R is within 1e-9 of 0 only because both savings near 100%)")
    func hugeGain() throws {
        let result = try runAICarbon(["rebound", "--efficiency-gain", "1e308", "--elasticity", "0.5", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["class"] as? String == "super-conservation", "\(result.stdout)")
        let r = try #require(object["rebound"] as? Double)
        #expect(abs(r / -1e-308 - 1) <= 1e-6, "\(r)")
    }

    @Test("an efficiency loss (k below 1) is refused, not classed as a partial rebound in which \"energy still falls\"",
          arguments: ["0.5", "0.999", "-10%"])
    func efficiencyLoss(_ gain: String) throws {
        let result = try runAICarbon(["rebound", "--efficiency-gain=\(gain)", "--elasticity", "-0.5"])
        #expect(result.status == 1 && result.stdout.isEmpty)
        #expect(result.stderr.contains("--efficiency-gain: expected a gain of at least 1") && result.stderr.contains("found \"\(gain)\""))
        // k = 1 exactly is no gain: R = 0, class none.
        let none = try runAICarbon(["rebound", "--efficiency-gain", "1", "--elasticity", "-0.5", "--format", "json"])
        #expect(none.status == 0 && none.stdout.contains("\"none\""))
    }

    @Test("an elasticity whose k^(-elasticity) overflows is blamed, with the bound for this k (not --efficiency-gain, which is valid)")
    func elasticityOverflow() throws {
        let one = try runAICarbon(["rebound", "--efficiency-gain", "2", "--elasticity=-1e308"])
        #expect(one.status == 1 && one.stdout.isEmpty)
        #expect(one.stderr == "Error: --elasticity: expected an elasticity for which the demand factor k^(-elasticity), in percent, is a finite "
                + "number (above -1,017.36 for k = 2), found -1e+308 (k^(-elasticity) overflows)\n", "\(one.stderr)")
        let list = try runAICarbon(["rebound", "--efficiency-gain", "2", "--elasticities=-1,-2000"])
        #expect(list.status == 1 && list.stderr.hasPrefix("Error: --elasticities: expected an elasticity"), "\(list.stderr)")
        // A gain within rounding of 1 is printed in full ("k = 1" could never overflow).
        let near = try runAICarbon(["rebound", "--efficiency-gain", "1.0000001", "--elasticity=-1e12"])
        #expect(near.stderr.contains("for k = 1.0000001)"), "\(near.stderr)")
        // -1,020 printed an actual saving of -inf% (the percentage overflowed): refused now.
        let percent = try runAICarbon(["rebound", "--efficiency-gain", "2", "--elasticity=-1020"])
        #expect(percent.status == 1 && percent.stdout.isEmpty && percent.stderr.contains("(above -1,017.36 for k = 2)"), "\(percent.stderr)")
        // Just inside the bound it runs (a backfire of 2^1000).
        #expect(try runAICarbon(["rebound", "--efficiency-gain", "2", "--elasticity=-1000"]).status == 0)
    }
}
