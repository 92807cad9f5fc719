import AICarbon
import ArgumentParser

/// The `aicarbon` root command.
public struct AICarbonCommand: ParsableCommand {
    /// The package version.
    public static let packageVersion = PackageInfo.version

    /// What `aicarbon --version` prints: the package version, then the data versions, one a line.
    public static var versionText: String {
        (["aicarbon \(packageVersion)"] + Catalog.dataVersionLines.map { "  \($0)" }).joined(separator: "\n")
    }

    public static let configuration = CommandConfiguration(
        commandName: "aicarbon",
        abstract: "Estimate the energy, carbon emissions and water of AI model training and inference.",
        discussion: "Every number accepts units (\"330 W\", \"0.429 kg/kWh\", \"14.8 days\", \"175B\"). "
            + "Values not given are assumed from documented defaults and listed with the result.",
        version: versionText,
        subcommands: [EstimateCommand.self, RunCommand.self, CompareCommand.self, SensitivityCommand.self, ReportCommand.self,
                      ReboundCommand.self, ValidateCommand.self, CatalogCommand.self, SchemaCommand.self]
    )

    public init() {}
}
