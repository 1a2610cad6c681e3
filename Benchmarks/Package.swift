// swift-tools-version: 6.1
import PackageDescription

// Performance benchmarks (ordo-one/package-benchmark), kept out of the main package so that
// `swift test` and CI never build the benchmark tooling. Run from this folder:
//   swift package --allow-writing-to-package-directory benchmark
let package = Package(
    name: "SteppeBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Steppe", path: ".."),
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "HydrogenDispatch",
            dependencies: [
                .product(name: "Steppe", package: "Steppe"),
                .product(name: "Benchmark", package: "package-benchmark"),
            ],
            path: "Benchmarks/HydrogenDispatch",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        .executableTarget(
            name: "ProForma",
            dependencies: [
                .product(name: "Steppe", package: "Steppe"),
                .product(name: "SteppeFiles", package: "Steppe"),
                .product(name: "Benchmark", package: "package-benchmark"),
            ],
            path: "Benchmarks/ProForma",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        .executableTarget(
            name: "MonteCarlo",
            dependencies: [
                .product(name: "Steppe", package: "Steppe"),
                .product(name: "SteppeFiles", package: "Steppe"),
                .product(name: "ReferenceModelKernel", package: "Steppe"),
                .product(name: "Benchmark", package: "package-benchmark"),
            ],
            path: "Benchmarks/MonteCarlo",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
