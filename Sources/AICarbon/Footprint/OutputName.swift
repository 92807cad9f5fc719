/// The name of an estimate output, as used in JSON and CSV (a stable contract), with its base unit.
public enum OutputName: String, Sendable, Hashable, CaseIterable, Codable {
    case energyKWh = "energy_kwh"
    case trainingEnergyKWh = "training_energy_kwh"
    case inferenceEnergyKWh = "inference_energy_kwh"
    case itEnergyKWh = "it_energy_kwh"
    case co2eKg = "co2e_kg"
    case embodiedCO2eKg = "embodied_co2e_kg"
    case totalCO2eKg = "total_co2e_kg"
    case waterL = "water_l"
    case chipHours = "chip_hours"
    case trainingFLOPs = "training_flops"
    case wallClockHours = "wall_clock_hours"
    case energyPerQueryWh = "energy_per_query_wh"
    case queries
    case rebound
    case energyWithoutReboundKWh = "energy_without_rebound_kwh"
    case co2eMarketKg = "co2e_market_kg"
    case aiEnergyKWh = "ai_energy_kwh"
    case conventionalEnergyKWh = "conventional_energy_kwh"

    /// The physical kind of the output, for choosing readable units.
    public var kind: QuantityKind {
        switch self {
        case .energyKWh, .trainingEnergyKWh, .inferenceEnergyKWh, .itEnergyKWh, .energyWithoutReboundKWh,
             .aiEnergyKWh, .conventionalEnergyKWh: return .energy
        case .co2eKg, .embodiedCO2eKg, .totalCO2eKg, .co2eMarketKg: return .mass
        case .queries: return .count
        case .rebound: return .dimensionless
        case .waterL: return .volume
        case .chipHours: return .count
        case .trainingFLOPs: return .flops
        case .wallClockHours: return .duration
        case .energyPerQueryWh: return .energy
        }
    }

    /// The base unit the JSON value is in.
    public var baseUnit: String {
        switch self {
        case .queries: return "queries"
        case .chipHours: return "chip-h"
        case .energyKWh, .trainingEnergyKWh, .inferenceEnergyKWh, .itEnergyKWh, .energyWithoutReboundKWh, .aiEnergyKWh,
             .conventionalEnergyKWh, .waterL, .wallClockHours, .trainingFLOPs, .rebound:
            return kind.baseUnit
        case .co2eKg, .embodiedCO2eKg, .totalCO2eKg, .co2eMarketKg: return "kg CO2e"
        case .energyPerQueryWh: return "Wh"
        }
    }

    /// The factor from this output's JSON unit (``baseUnit``) to its kind's base unit: 1, or 1e-3 for an
    /// output given in Wh rather than kWh.
    public var kindBaseFactor: Double { self == .energyPerQueryWh ? 1e-3 : 1 }

    /// A short label for tables.
    public var label: String {
        switch self {
        case .energyKWh: return "energy (facility, PUE incl.)"
        case .trainingEnergyKWh: return "training energy"
        case .inferenceEnergyKWh: return "inference energy"
        case .itEnergyKWh: return "IT energy"
        case .co2eKg: return "operational CO2e"
        case .embodiedCO2eKg: return "embodied CO2e"
        case .totalCO2eKg: return "total CO2e"
        case .waterL: return "water"
        case .chipHours: return "accelerator-hours"
        case .trainingFLOPs: return "training FLOPs (final run)"
        case .wallClockHours: return "wall-clock time (final run)"
        case .energyPerQueryWh: return "energy per query (facility)"
        case .queries: return "queries"
        case .rebound: return "rebound effect R"
        case .energyWithoutReboundKWh: return "energy without rebound"
        case .co2eMarketKg: return "CO2e, market-based"
        case .aiEnergyKWh: return "AI servers energy"
        case .conventionalEnergyKWh: return "conventional servers energy"
        }
    }
}
