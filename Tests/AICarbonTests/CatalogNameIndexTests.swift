import Testing
@testable import AICarbon

/// ``NameIndex/normalize(_:)`` takes a byte path for ASCII names and skips Foundation's search where no vendor word
/// occurs; both give the key the Foundation-only normalisation gives.
@Suite("Catalog name index")
struct CatalogNameIndexTests {
    static let tricky = [
        "", ":", "h100", "H100 SXM", "nvidia h100", "NVIDIA Tesla V100", "Google TPU v4", "AMD MI300X", "nvnvidiaidia",
        "amamdd", "anvidiamd", "teslamd", "GOOGLEgoogle", "gcp:us-central1", "US-CA", "  a100-80gb  ", "tpu\tv3\r\n",
        "Côte d'Ivoire", "Türkiye", "Réunion", "São Paulo", "nvidia\u{301}", "nvidiá", "amd\u{0301} mi300", "ｎvidia",
        "\u{212A}elvin", "İstanbul", "STRASSE straße", "Ａ１００", "h100 \u{200B}nvidia", "NVIDIA😀H100", "\r\nnvidia\r\n",
    ]

    @Test("every bundled name, and tricky ones, normalise as with Foundation's search alone")
    func sameKeys() throws {
        let catalog = try Catalog.bundled()
        let names = catalog.accelerators.flatMap { [$0.id, $0.name] + $0.aliases }
            + catalog.grids.flatMap { [$0.id, $0.name] + $0.aliases } + Self.tricky
        for name in names {
            #expect(NameIndex.normalize(name) == NameIndex.normalizeWithFoundationSearch(name), "\(name)")
        }
    }

    @Test("random ASCII names built from vendor words and their letters normalise as with Foundation's search alone")
    func randomASCII() {
        let pieces = ["nvidia", "amd", "google", "tesla", "nv", "idia", "am", "d", "goo", "gle", "tes", "la", "N", "A", "G", "T",
                      "H100", " ", "-", ":", "\t", "\r\n", "x", "0", "MD", "VIDIA"]
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<3000 {
            let name = (0..<next(8)).map { _ in pieces[next(pieces.count)] }.joined()
            #expect(NameIndex.normalizeASCII(name) == NameIndex.normalizeWithFoundationSearch(name), "\(name)")
            #expect(NameIndex.normalize(name) == NameIndex.normalizeWithFoundationSearch(name), "\(name)")
        }
    }

    @Test("a non-ASCII name takes the Unicode path")
    func nonASCII() {
        #expect(NameIndex.normalizeASCII("Côte d'Ivoire") == nil)
        #expect(NameIndex.normalize("Côte d'Ivoire") == "ctedivoire")
    }
}
