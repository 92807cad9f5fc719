import AICarbonKernels

/// Which code maps a column where a kernel exists in several instruction sets (the quantile tables,
/// ``QuantileTable/evaluate4(_:bits:_:)``; the cells of a binning, ``CountingBins/cells(_:count:into:)``).
/// Every choice gives the same bits: the C kernels (target `AICarbonKernels`) repeat the Swift lanes'
/// operations in the same order, with no fused multiply-add.
enum VectorKernel: CaseIterable, Sendable {
    /// Swift's portable SIMD (two SSE2 registers a four-lane vector on x86-64, NEON on arm64).
    case portable
    /// The C kernel in AVX2: four lanes in one 256-bit register.
    case avx2
    /// The C kernel in AVX-512F: eight lanes in one 512-bit register.
    case avx512

    /// The fastest kernel this processor runs, decided once per process from CPUID (`aic_cpu_vector_level`).
    static let best: VectorKernel = switch aic_cpu_vector_level() {
    case 2: .avx512
    case 1: .avx2
    default: .portable
    }

    /// The kernels this processor runs.
    static var available: [VectorKernel] { allCases.filter { $0.level <= best.level } }

    private var level: Int {
        switch self {
        case .portable: 0
        case .avx2: 1
        case .avx512: 2
        }
    }
}
