/// Water consumed: on-site cooling plus the water used to generate the electricity.
///
/// `water [L] = E_IT [kWh] × WUE_onsite [L/kWh] + E [kWh] × water_intensity_of_electricity [L/kWh]`
/// (Li, Yang, Islam & Ren 2023, "Making AI Less Thirsty", arXiv:2304.03271, Eq. 1; EcoLogits).
public enum WaterUse {
    /// Water consumed, litres.
    /// - Parameters:
    ///   - itEnergyKWh: IT energy (before PUE), kWh.
    ///   - facilityEnergyKWh: Facility energy (after PUE), kWh.
    ///   - wueOnsite: On-site water usage effectiveness, L/kWh of IT energy.
    ///   - waterIntensity: Water consumed per kWh generated, L/kWh.
    @inlinable
    public static func litres<V: FootprintArithmetic>(
        itEnergyKWh: V, facilityEnergyKWh: V, wueOnsite: V, waterIntensity: V
    ) -> V {
        itEnergyKWh * wueOnsite + facilityEnergyKWh * waterIntensity
    }
}
