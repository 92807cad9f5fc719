/// Average electrical power drawn per accelerator during a job.
///
/// Source: Patterson et al. 2021 (arXiv:2104.10350) §2 and Table 3 measure average system power per
/// chip, host share included; where no measurement exists, it is estimated from the datasheet TDP.
public struct ChipPower: Sendable, Hashable {
    /// Average power per chip, W, host share included.
    public var watts: Double

    /// A measured or stated average power per chip (e.g. Patterson's 330 W per V100 for GPT-3).
    /// - Parameter power: Average power per chip, host share included.
    public init(measured power: Power) { watts = power.watts }

    /// Power estimated from the datasheet.
    ///
    /// `P_chip [W] = TDP [W] × power_utilization × host_overhead` (DESIGN.md §2; Touvron et al. 2023
    /// take TDP itself, i.e. utilization 1 and overhead 1).
    /// - Parameters:
    ///   - tdp: Thermal design power of the accelerator.
    ///   - powerUtilization: Average accelerator power divided by TDP, in (0, 1].
    ///   - hostOverhead: Multiplier (≥ 1) for host CPU, memory and network per accelerator.
    public init(tdp: Power, powerUtilization: Double, hostOverhead: Double) {
        watts = Self.watts(tdpW: tdp.watts, powerUtilization: powerUtilization, hostOverhead: hostOverhead)
    }

    /// `TDP × power_utilization × host_overhead`, in W.
    @inlinable
    public static func watts<V: FootprintArithmetic>(tdpW: V, powerUtilization: V, hostOverhead: V) -> V {
        tdpW * powerUtilization * hostOverhead
    }
}
