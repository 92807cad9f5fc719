/// Manufacturing emissions of the accelerators, amortised over the hours they are in use.
///
/// `CO2e_embodied [kg] = chips × embodied_per_chip [kg] × hours / (lifetime_hours × use)`, i.e. embodied
/// per chip × chip-hours / hours in use over its life (Gupta et al. 2021 "Chasing Carbon"; LLMCarbon,
/// Faiz et al. 2024; Luccioni et al. 2022 for BLOOM's per-GPU and per-server figures, and for "6 years at
/// 85% use"). `lifetime_hours` is the calendar service life (`--lifetime "6 years"` is 52,560 h) and
/// `use` = ``Defaults/lifetimeUse`` (0.85) the share of it an accelerator is in use, applied here for a
/// given lifetime and for the default prior alike.
public enum EmbodiedEmissions {
    /// Amortised embodied emissions, kg CO2e.
    /// - Parameters:
    ///   - chipHours: Accelerator-hours used.
    ///   - embodiedPerChipKg: Manufacturing emissions per accelerator incl. its server share, kg CO2e.
    ///   - lifetimeHours: Calendar hours of service life (> 0); 85% of them (``Defaults/lifetimeUse``) are
    ///     hours in use, over which the embodied emissions are amortised.
    @inlinable
    public static func kilograms<V: FootprintArithmetic>(chipHours: V, embodiedPerChipKg: V, lifetimeHours: V) -> V {
        // × 100 / 85: divided by the hours in use, lifetime × Defaults.lifetimeUse (0.85; checked in tests).
        embodiedPerChipKg * chipHours * 100 / (lifetimeHours * 85)
    }
}
