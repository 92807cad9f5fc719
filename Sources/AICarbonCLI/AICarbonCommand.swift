import AICarbon
import ArgumentParser

/// The `aicarbon` root command.
public struct AICarbonCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "aicarbon",
        abstract: "Estimate the energy, carbon emissions and water of AI model training and inference.",
        discussion: "Every number accepts units (\"330 W\", \"0.429 kg/kWh\", \"14.8 days\", \"175B\"). "
            + "Values not given are assumed from documented defaults and listed with the result.",
        version: "0.1.0",
        subcommands: [EstimateCommand.self, RunCommand.self, CompareCommand.self, ReboundCommand.self, SensitivityCommand.self, ValidateCommand.self, CatalogCommand.self]
    )

    public init() {}
}
