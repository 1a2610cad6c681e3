// swift-tools-version: 6.1
import PackageDescription

// The simulation core (`Steppe`) depends on the standard library, Foundation
// and Dispatch only. Third-party packages are confined to the file reader
// (`SteppeFiles`: Yams parses YAML and JSON with line numbers) and the
// command-line tool (`SteppeCLI`: swift-argument-parser; ZIPFoundation packs the
// `--xlsx` workbook, whose XML parts the library writes as plain text).
// The third-party products of the file reader and of the command-line module, named once: both modules are
// compiled once per CPU level (at the end of this file), and each copy must depend on the same products.
let fileReaderProducts: [Target.Dependency] = [.product(name: "Yams", package: "Yams")]
let commandLineProducts: [Target.Dependency] = [
    .product(name: "ArgumentParser", package: "swift-argument-parser"),
    .product(name: "ZIPFoundation", package: "ZIPFoundation"),
]

let package = Package(
    name: "Steppe",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Steppe", targets: ["Steppe"]),
        .library(name: "SteppeFiles", targets: ["SteppeFiles"]),
        .executable(name: "steppe", targets: ["steppe"]),
        // For the benchmark package only: the NumPy reference model written by hand, not part of `Steppe`.
        .library(name: "ReferenceModelKernel", targets: ["ReferenceModelKernel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Optimised in debug builds too: the engine's eight-lane SIMD code and the computations written
        // once over `LaneValue` (IRR, payback, depreciation) run dozens of times slower unoptimised, and
        // `swift test` is mostly that code (measured: MonteCarloRunnerTests 37 s of CPU unoptimised, 1.4 s
        // optimised). Release builds use whole-module optimisation as always.
        .target(name: "Steppe", swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        .target(name: "SteppeFiles", dependencies: ["Steppe"] + fileReaderProducts),
        .target(name: "SteppeCLI", dependencies: ["Steppe", "SteppeFiles"] + commandLineProducts),
        // Linked with the Swift runtime and Foundation statically on Linux: the dynamic linker's symbol
        // look-ups in libFoundation and ICU took about half of every start (Benchmarks/README.md, issue 22).
        // Release builds only (debug links stay quick). The static libFoundationEssentials makes the linker
        // print glibc's "the use of `mktemp' is dangerous" once per release link: Foundation's code, not
        // ours, and never called by Steppe (outputs go through exclusively created temp files, AtomicFile).
        .executableTarget(
            name: "steppe", dependencies: ["SteppeCLI", "SteppeCPUFeatures"] + cpuLevelExecutableDependencies,
            linkerSettings: [
                .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release)),
                .linkedLibrary("_FoundationCShims", .when(platforms: [.linux], configuration: .release)),
                .linkedLibrary("_FoundationCollections", .when(platforms: [.linux], configuration: .release)),
                .linkedLibrary("CoreFoundation", .when(platforms: [.linux], configuration: .release)),
                .linkedLibrary("swiftSynchronization", .when(platforms: [.linux], configuration: .release)),
                .linkedLibrary("_FoundationICU", .when(platforms: [.linux], configuration: .release)),
            ]
        ),
        // Reads the CPU's features (CPUID), for `steppe` to choose its CPU level (SteppeCLI/CPULevel.swift).
        .target(name: "SteppeCPUFeatures"),
        // The MonteCarlo benchmark times it; SteppeTests checks the engine's paths against it.
        .target(name: "ReferenceModelKernel", dependencies: ["Steppe"], path: "Benchmarks/ReferenceModelKernel"),
        .testTarget(
            name: "SteppeTests",
            dependencies: [
                "Steppe", "SteppeFiles", "SteppeCLI", "ReferenceModelKernel",
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "Yams", package: "Yams"),  // the cluster manifest tests parse YAML
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),  // the workbook tests unzip the xlsx
            ],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// The CPU levels (Sources/CPULevels/README.md): on x86-64, the library, the file reader and the command-line
// module are compiled a second time for AVX2 and FMA (LLVM's `haswell`: the x86-64-v3 features), from the
// same files through the symbolic links in Sources/CPULevels/x86-64-v3, and `steppe` runs that copy where the
// CPU has the features. Debug builds compile the copy unoptimised (quick; `steppe` runs the baseline there
// unless STEPPE_CPU_LEVEL asks), release builds optimise both copies.
#if arch(x86_64)
let cpuLevelX86_64_V3: [SwiftSetting] = [
    .define("STEPPE_CPU_LEVEL_X86_64_V3"),
    .unsafeFlags(["-target-cpu", "haswell"]),
]
package.targets += [
    .target(name: "SteppeV3", path: "Sources/CPULevels/x86-64-v3/Steppe", swiftSettings: cpuLevelX86_64_V3),
    .target(
        name: "SteppeFilesV3", dependencies: ["SteppeV3"] + fileReaderProducts,
        path: "Sources/CPULevels/x86-64-v3/SteppeFiles", swiftSettings: cpuLevelX86_64_V3
    ),
    .target(
        name: "SteppeCLIV3", dependencies: ["SteppeV3", "SteppeFilesV3"] + commandLineProducts,
        path: "Sources/CPULevels/x86-64-v3/SteppeCLI", swiftSettings: cpuLevelX86_64_V3
    ),
]
var cpuLevelExecutableDependencies: [Target.Dependency] { ["SteppeCLIV3"] }
#else
var cpuLevelExecutableDependencies: [Target.Dependency] { [] }
#endif
