import AICarbonKernels
import Foundation

/// Which code maps a column where a kernel exists in several instruction sets (the quantile tables,
/// ``QuantileTable/evaluate4(_:bits:_:)``; the cells of a binning, ``CountingBins/cells(_:count:into:)``;
/// taus2's lanes, ``Taus2/fill(_:count:)``). Every choice gives the same bits: the C kernels (target
/// `AICarbonKernels`) repeat the Swift lanes' operations in the same order, with no fused multiply-add.
public enum VectorKernel: String, CaseIterable, Sendable {
    /// Swift's portable SIMD (two SSE2 registers a four-lane vector on x86-64, NEON on arm64).
    case portable
    /// The C kernel in AVX2: four lanes in one 256-bit register.
    case avx2
    /// The C kernel in AVX-512F: eight lanes in one 512-bit register.
    case avx512

    /// The environment variable that chooses a kernel other than the fastest (to check that results do
    /// not depend on it): `portable`, `avx2` or `avx512`, at most ``supported``.
    public static let environmentVariable = "AICARBON_VECTOR_KERNEL"

    /// The widest kernel this processor runs, from CPUID and the register state the system enables
    /// (`aic_cpu_vector_level`).
    public static let supported: VectorKernel = switch aic_cpu_vector_level() {
    case 2: .avx512
    case 1: .avx2
    default: .portable
    }

    /// The kernel every run of this process uses: the one ``environmentVariable`` names when this processor
    /// runs it, else ``supported``. Decided once per process.
    public static let best: VectorKernel = requested.flatMap(runnable) ?? supported

    /// Why ``environmentVariable`` cannot be used, or nil when it is unset or names a kernel this processor
    /// runs (the command line refuses to run with a value it would ignore).
    public static var environmentProblem: InputError? {
        guard let name = requested, runnable(name) == nil else { return nil }
        let expected = "one of " + available.map(\.rawValue).joined(separator: ", ") + " (this processor runs \(supported.rawValue) at most)"
        return InputError(field: environmentVariable, expected: expected, found: "\"\(name)\"")
    }

    /// The value of ``environmentVariable``, if set.
    private static let requested = ProcessInfo.processInfo.environment[environmentVariable]

    /// The kernel `name` names, if this processor runs it.
    private static func runnable(_ name: String) -> VectorKernel? {
        VectorKernel(rawValue: name).flatMap { $0.level <= supported.level ? $0 : nil }
    }

    /// The kernels this processor runs.
    public static var available: [VectorKernel] { allCases.filter { $0.level <= supported.level } }

    private var level: Int {
        switch self {
        case .portable: 0
        case .avx2: 1
        case .avx512: 2
        }
    }
}
