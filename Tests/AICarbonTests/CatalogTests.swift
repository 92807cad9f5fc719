import Testing
@testable import AICarbon

@Suite("Catalogs")
struct CatalogTests {
    let catalog = try! Catalog.bundled()

    @Test("every accelerator the foundation issue and issue 14 name is present with a source", arguments: [
        "P100", "V100", "A100 40GB", "A100 80GB", "A100 PCIe", "A100 PCIe 80GB", "H100 SXM", "H100 PCIe", "H200", "B200",
        "L4", "T4", "A10G", "MI250X", "MI300X", "TPU v2", "TPU v3", "TPU v4", "TPU v5e", "TPU v5p",
        "GB200", "B100", "B300", "H800", "H20", "A800", "L40S", "MI210", "MI325X", "MI355X", "Gaudi 2", "Gaudi 3",
        "TPU v6e", "Trillium", "TPU v7", "Ironwood", "Trainium", "Trainium2", "Inferentia2", "V100 32GB",
    ])
    func accelerators(_ name: String) throws {
        let a = try catalog.accelerator(named: name)
        #expect(a.peakFlopsPerS > 1e12)
        #expect(!a.source.isEmpty)
    }

    @Test("names are forgiving", arguments: [("h100", "h100-sxm"), ("nvidia h100", "h100-sxm"), ("H100 SXM", "h100-sxm"),
                                             ("Tesla V100", "v100"), ("tpuv3", "tpu-v3"), ("a100-80gb", "a100-sxm-80gb")])
    func forgivingHardware(_ name: String, _ id: String) throws {
        #expect(try catalog.accelerator(named: name).id == id)
    }

    @Test("datasheet figures: H100 SXM 700 W and 989 TFLOP/s; V100 measured 325 W (Patterson 2021 Table 3)")
    func datasheet() throws {
        let h100 = try catalog.accelerator(named: "h100")
        #expect(h100.tdpW == 700 && h100.peakFlopsPerS == 989e12)
        #expect(try catalog.accelerator(named: "v100").measuredPowerW == 325)
        #expect(try catalog.accelerator(named: "tpu v4").tdpW == nil)
    }

    @Test("an unknown accelerator is an error with the closest matches")
    func unknownHardware() {
        do {
            _ = try catalog.accelerator(named: "H1000")
            Issue.record("expected an error")
        } catch {
            #expect(error.field == "hardware")
            #expect(error.expected.contains("h100"))
            #expect(error.found == "\"H1000\"")
        }
    }

    @Test("grids resolve by ISO-3, ISO-2, name, US state, province and cloud region", arguments: [
        ("FRA", "FRA"), ("fr", "FRA"), ("France", "FRA"), ("USA", "USA"), ("US", "USA"), ("US-CA", "US-CA"),
        ("CA-QC", "CA-QC"), ("gcp:us-central1", "gcp:us-central1"), ("aws:us-east-1", "aws:us-east-1"), ("WORLD", "WORLD"),
        ("germany", "DEU"), ("gcp:me-central1", "gcp:me-central1"), ("me-central1", "gcp:me-central1"),
        ("gcp:me-cenrtal1", "gcp:me-central1"), ("SE3", "SE3"), ("NO4", "NO4"), ("CN-BJ", "CN-BJ"), ("Beijing", "CN-BJ"),
        ("inner mongolia", "CN-NM"),
    ])
    func grids(_ name: String, _ id: String) throws {
        #expect(try catalog.grid(named: name).id == id)
    }

    @Test("grid catalog sizes: 213 countries, 51 US state-level entries, 13 provinces, 9 Nordic zones, 30 Chinese provinces, 99 cloud regions, world")
    func gridCounts() {
        #expect(catalog.grids.filter { $0.kind == "country" }.count == 213)
        #expect(catalog.grids.filter { $0.kind == "us-state" }.count == 51)
        #expect(catalog.grids.filter { $0.kind == "ca-province" }.count == 13)
        #expect(catalog.grids.filter { $0.kind == "nordic-zone" }.count == 9)
        #expect(catalog.grids.filter { $0.kind == "cn-province" }.count == 30)
        // 40 Google Cloud regions (CodeCarbon) + 59 AWS, Azure and other regions (ML CO2 Impact) not already listed.
        #expect(catalog.grids.filter { $0.kind == "cloud-region" }.count == 99)
        #expect(catalog.grids.filter { $0.kind == "world" }.count == 1)
        #expect(catalog.generationSources.count == 8)
    }

    @Test("converted intensities: eGRID lb/MWh to kg/kWh; France low-carbon; world near 0.48")
    func intensities() throws {
        // eGRID2023 California 394.769 lb/MWh (via CodeCarbon 3.3.2) x 0.45359237 kg/lb / 1000.
        let ca = try catalog.grid(named: "US-CA").intensityKgPerKwh
        #expect(abs(ca - 394.769 * 0.45359237 / 1000) < 1e-6)
        #expect(try catalog.grid(named: "France").intensityKgPerKwh < 0.1)
        let world = try catalog.grid(named: "WORLD").intensityKgPerKwh
        #expect(world > 0.4 && world < 0.55)
    }

    @Test("an unknown region is an error with the closest matches")
    func unknownGrid() {
        do {
            _ = try catalog.grid(named: "Frnace")
            Issue.record("expected an error")
        } catch {
            #expect(error.field == "grid")
            #expect(error.expected.contains("FRA"))
        }
    }
}
