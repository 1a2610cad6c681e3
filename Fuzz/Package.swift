// swift-tools-version: 6.1
import PackageDescription

// A libFuzzer target for the scenario reader (YAML/JSON -> Scenario -> evaluation). Kept out of
// the main package: it needs -sanitize=fuzzer, which an ordinary build must not get. Build and run:
//   cd Fuzz && swift build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
//   .build/debug/ScenarioLoaderFuzzer corpus/ -max_total_time=60
let package = Package(
    name: "SteppeFuzz",
    dependencies: [.package(name: "Steppe", path: "..")],
    targets: [
        .executableTarget(
            name: "ScenarioLoaderFuzzer",
            dependencies: [
                .product(name: "Steppe", package: "Steppe"),
                .product(name: "SteppeFiles", package: "Steppe"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
