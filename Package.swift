// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "AICarbon",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "AICarbon", targets: ["AICarbon"]),
        .executable(name: "aicarbon", targets: ["aicarbon"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"]), .brew(["gsl"])]
        ),
        // Column kernels in C with x86-64 vector intrinsics (AVX2), chosen at run time; the same bits as
        // the portable Swift code they stand in for.
        .target(name: "AICarbonKernels"),
        .target(
            name: "AICarbon",
            dependencies: ["CGSL", "AICarbonKernels", .product(name: "Yams", package: "Yams")],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .target(
            name: "AICarbonCLI",
            dependencies: [
                "AICarbon",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .executableTarget(
            name: "aicarbon",
            dependencies: ["AICarbonCLI"],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .executableTarget(
            name: "aicarbon-benchmark",
            dependencies: ["AICarbon", "CGSL"],
            path: "Benchmarks/AICarbonBenchmark",
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .testTarget(
            name: "AICarbonTests",
            dependencies: ["AICarbon"],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .testTarget(
            name: "AICarbonCLITests",
            dependencies: ["AICarbonCLI", "AICarbon"],
            exclude: ["Fixtures"],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
    ]
)
