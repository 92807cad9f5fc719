/// The results of ``FootprintModel`` in base units: plain numbers (``FootprintResults<Double>``) for one
/// evaluation, or columns of samples inside the simulation engine.
public struct FootprintResults<Value> {
    /// Facility energy (PUE included), training plus inference, kWh.
    public var energyKWh: Value
    /// Training facility energy (development included), kWh.
    public var trainingEnergyKWh: Value
    /// Inference facility energy, kWh.
    public var inferenceEnergyKWh: Value
    /// IT energy (before PUE), kWh.
    public var itEnergyKWh: Value
    /// Operational location-based emissions, kg CO2e.
    public var co2eKg: Value
    /// Amortised embodied emissions, kg CO2e.
    public var embodiedCO2eKg: Value
    /// Operational plus embodied, kg CO2e.
    public var totalCO2eKg: Value
    /// Water consumed, L.
    public var waterL: Value
    /// Training accelerator-hours (development included).
    public var chipHours: Value
    /// Final-run training FLOPs (`nil` on the chip-time path).
    public var trainingFLOPs: Value?
    /// Facility energy per query, Wh (`nil` without per-query inference).
    public var energyPerQueryWh: Value?
    /// Final-run wall-clock hours (`nil` when the chip count is unknown).
    public var wallClockHours: Value?
}


extension FootprintResults: Sendable where Value: Sendable {}

extension FootprintResults: Equatable where Value: Equatable {}

extension FootprintResults: Hashable where Value: Hashable {}

extension FootprintResults where Value: FootprintArithmetic {
    /// The value of one output (NaN for an absent optional output).
    public subscript(name: OutputName) -> Value {
        if let path = Self.keyPath(name) { return self[keyPath: path] }
        switch name {
        case .trainingFLOPs: return trainingFLOPs ?? .nan
        case .wallClockHours: return wallClockHours ?? .nan
        case .energyPerQueryWh: return energyPerQueryWh ?? .nan
        case .energyKWh, .trainingEnergyKWh, .inferenceEnergyKWh, .itEnergyKWh, .co2eKg, .embodiedCO2eKg, .totalCO2eKg, .waterL,
             .chipHours:
            return .nan   // unreachable: these have a key path
        case .queries, .rebound, .energyWithoutReboundKWh, .co2eMarketKg, .aiEnergyKWh, .conventionalEnergyKWh:
            return .nan   // projection outputs
        }
    }

    /// The stored property behind an output that is always present; nil for the optional outputs and for
    /// outputs of projections.
    static func keyPath(_ name: OutputName) -> KeyPath<Self, Value>? {
        switch name {
        case .energyKWh: return \.energyKWh
        case .trainingEnergyKWh: return \.trainingEnergyKWh
        case .inferenceEnergyKWh: return \.inferenceEnergyKWh
        case .itEnergyKWh: return \.itEnergyKWh
        case .co2eKg: return \.co2eKg
        case .embodiedCO2eKg: return \.embodiedCO2eKg
        case .totalCO2eKg: return \.totalCO2eKg
        case .waterL: return \.waterL
        case .chipHours: return \.chipHours
        case .trainingFLOPs, .wallClockHours, .energyPerQueryWh, .queries, .rebound, .energyWithoutReboundKWh, .co2eMarketKg, .aiEnergyKWh,
             .conventionalEnergyKWh:
            return nil
        }
    }
}
