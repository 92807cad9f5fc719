/// Training energy and emissions from accelerator time: chips × hours × power per chip × PUE.
///
/// Source: Patterson et al. 2021 (arXiv:2104.10350) Eq. for training energy; Touvron et al. 2023
/// (LLaMA) Table 15 (GPU-hours × 400 W × PUE 1.1); Strubell et al. 2019 Eq. 1 with explicit components.
public struct ChipTimeTraining: Sendable, Hashable {
    /// Accelerator-hours (chips × wall-clock hours).
    public var chipHours: Double
    /// Average power per chip, W, host share included.
    public var powerPerChipW: Double
    /// Power usage effectiveness of the data centre (≥ 1).
    public var pue: Double

    /// Creates the model.
    /// - Parameters:
    ///   - chipHours: Accelerator-hours.
    ///   - power: Average power per chip.
    ///   - pue: Power usage effectiveness, at least 1.
    public init(chipHours: Double, power: ChipPower, pue: Double) {
        self.chipHours = chipHours
        self.powerPerChipW = power.watts
        self.pue = pue
    }

    /// IT (accelerator and host) energy: `E_IT [kWh] = chip_hours × P_chip [W] / 1000`.
    public var itEnergy: Energy { Energy(kilowattHours: Self.itEnergyKWh(chipHours: chipHours, powerW: powerPerChipW)) }

    /// Facility energy: `E [kWh] = E_IT × PUE`.
    public var energy: Energy { Energy(kilowattHours: itEnergy.kilowattHours * pue) }

    /// Operational emissions: `CO2e [kg] = E [kWh] × intensity [kg/kWh]`.
    /// - Parameter intensity: Carbon intensity of the electricity used.
    /// - Returns: The emissions.
    public func emissions(at intensity: CarbonIntensity) -> Mass {
        Mass(kilograms: energy.kilowattHours * intensity.kilogramsPerKilowattHour)
    }

    /// `chip_hours × P_chip [W] / 1000`, in kWh.
    @inlinable
    public static func itEnergyKWh<V: FootprintArithmetic>(chipHours: V, powerW: V) -> V { chipHours * powerW / 1000 }
}
