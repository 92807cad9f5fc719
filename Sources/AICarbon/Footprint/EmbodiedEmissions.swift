/// Manufacturing emissions of the accelerators, amortised over their service life.
///
/// `CO2e_embodied [kg] = chips × embodied_per_chip [kg] × hours / lifetime_hours`, i.e. embodied per chip
/// × chip-hours / lifetime hours (Gupta et al. 2021 "Chasing Carbon"; LLMCarbon, Faiz et al. 2024;
/// Luccioni et al. 2022 for BLOOM's per-GPU and per-server figures).
public enum EmbodiedEmissions {
    /// Amortised embodied emissions, kg CO2e.
    /// - Parameters:
    ///   - chipHours: Accelerator-hours used.
    ///   - embodiedPerChipKg: Manufacturing emissions per accelerator incl. its server share, kg CO2e.
    ///   - lifetimeHours: Hours of service over which that is amortised (> 0).
    @inlinable
    public static func kilograms<V: FootprintArithmetic>(chipHours: V, embodiedPerChipKg: V, lifetimeHours: V) -> V {
        embodiedPerChipKg * chipHours / lifetimeHours
    }
}
