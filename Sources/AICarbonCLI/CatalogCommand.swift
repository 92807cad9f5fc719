import AICarbon
import ArgumentParser

/// `aicarbon catalog hardware|grids|sources`: list the bundled catalogs.
public struct CatalogCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "List the bundled accelerators, grids, or lifecycle intensities by generation source.",
        discussion: """
            hardware: TDP, peak dense BF16/FP16 FLOP/s (never the sparse figure), memory and bandwidth, release year, \
            measured power where published, embodied emissions with their spread, and the source of every figure. \
            grids: carbon intensity with its year, source, accounting basis (lifecycle or direct combustion; \
            location-based; production or consumption), spread (intensity_gsd: generation mix x IPCC AR5 ranges, \
            a dry year, disagreement between datasets) and the water intensity of the electricity; cloud regions \
            add their location grid and the provider's PUE, and stale provider figures fall back to the location \
            grid. sources: IPCC AR5 lifecycle g CO2e/kWh by generation source. `aicarbon --version` lists the \
            data versions; the catalogs are compiled into the binary.
            """)

    /// Which catalog to list.
    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case hardware, grids, sources
    }

    @Argument(help: "hardware, grids or sources.")
    var kind: Kind
    @Option(help: "Output format: table, json or csv.")
    var format: FormatOption = .table
    @Option(help: "Only the rows containing this text (ignoring case): id, name, aliases; grids also kind and location grid, hardware vendor.")
    var search: String?
    @OptionGroup var outputFile: OutputFileOption

    public init() {}

    public func run() throws {
        let destination = outputFile.destination
        try destination.check()
        let catalog = try Catalog.bundled()
        try destination.write(CatalogListing(catalog: catalog, kind: kind, search: search).rendered(format.format))
    }
}
