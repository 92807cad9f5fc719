/// The results of one evaluation of ``FootprintModel``, in base units.
public struct FootprintOutputs: Sendable, Hashable {
    /// Facility energy (PUE included), training plus inference, kWh.
    public var energyKWh: Double
    /// Training facility energy (development included), kWh.
    public var trainingEnergyKWh: Double
    /// Inference facility energy, kWh.
    public var inferenceEnergyKWh: Double
    /// IT energy (before PUE), kWh.
    public var itEnergyKWh: Double
    /// Operational location-based emissions, kg CO2e.
    public var co2eKg: Double
    /// Amortised embodied emissions, kg CO2e.
    public var embodiedCO2eKg: Double
    /// Operational plus embodied, kg CO2e.
    public var totalCO2eKg: Double
    /// Water consumed, L.
    public var waterL: Double
    /// Training accelerator-hours (development included).
    public var chipHours: Double
    /// Final-run training FLOPs (`nil` on the chip-time path).
    public var trainingFLOPs: Double?
    /// Final-run wall-clock hours (`nil` when the chip count is unknown).
    public var wallClockHours: Double?

    /// The value of one output (NaN for an absent optional output).
    public subscript(name: OutputName) -> Double {
        if let path = Self.keyPath(name) { return self[keyPath: path] }
        switch name {
        case .trainingFLOPs: return trainingFLOPs ?? .nan
        case .wallClockHours: return wallClockHours ?? .nan
        default: return .nan
        }
    }

    /// The stored property behind an output that is always present; nil for the optional outputs and for
    /// outputs of projections.
    static func keyPath(_ name: OutputName) -> KeyPath<FootprintOutputs, Double>? {
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
        default: return nil
        }
    }
}
