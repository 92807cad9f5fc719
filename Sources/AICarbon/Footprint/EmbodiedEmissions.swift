/// Manufacturing emissions of the accelerators, amortised over the hours they are in use.
///
/// `CO2e_embodied [kg] = chips × embodied_per_chip [kg] × hours / (lifetime_hours × in_use)`, i.e. embodied
/// per chip × chip-hours / hours in use over its life (Gupta et al. 2021 "Chasing Carbon"; LLMCarbon,
/// Faiz et al. 2024; Luccioni et al. 2022 for BLOOM's per-GPU and per-server figures, and for "6 years at
/// 85% use"). `lifetime_hours` is the calendar service life (`--lifetime "6 years"` is 52,560 h) and
/// `in_use` the share of it an accelerator is in use (`--in-use`, ``Defaults/inUse``: 0.85), applied to a
/// given lifetime and to the default prior alike.
public enum EmbodiedEmissions {
    /// Amortised embodied emissions, kg CO2e.
    /// - Parameters:
    ///   - chipHours: Accelerator-hours used.
    ///   - embodiedPerChipKg: Manufacturing emissions per accelerator incl. its server share, kg CO2e.
    ///   - lifetimeHours: Calendar hours of service life (> 0).
    ///   - inUseShare: Share of those hours in use, in (0, 1] (0.85 by default, ``Defaults/inUse``); the
    ///     embodied emissions are amortised over `lifetimeHours × inUseShare` hours.
    /// - Returns: kg CO2e.
    @inlinable
    public static func kilograms<V: FootprintArithmetic>(chipHours: V, embodiedPerChipKg: V, lifetimeHours: V, inUseShare: V) -> V {
        // Luccioni et al. 2022: embodied × chip-hours / (lifetime × use). Written × 100 / (lifetime × (use × 100)):
        // 0.85 × 100 rounds to 85 exactly, so the default gives the bits this equation gave when the share was
        // the constant 85% (tested).
        embodiedPerChipKg * chipHours * 100 / (lifetimeHours * (inUseShare * 100))
    }
}
