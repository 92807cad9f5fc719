import AICarbon
import ArgumentParser

/// `aicarbon catalog hardware|grids|sources`: list the bundled catalogs.
public struct CatalogCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "List the bundled accelerators, grids, or lifecycle intensities by generation source.")

    /// Which catalog to list.
    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case hardware, grids, sources
    }

    @Argument(help: "hardware, grids or sources.")
    var kind: Kind
    @Option(help: "Output format: table, json or csv.")
    var format: FormatOption = .table

    public init() {}

    public func run() throws {
        let catalog = try Catalog.bundled()
        print(CatalogListing(catalog: catalog, kind: kind).rendered(format.format), terminator: "")
    }
}
