// swift-tools-version: 6.1
import PackageDescription

// libFuzzer targets for the readers: scenarios (YAML/JSON -> Scenario -> evaluation), catalogue
// files, and result JSON read by `steppe report`. Kept out of the main package: they need
// -sanitize=fuzzer, which an ordinary build must not get. Build and run with ./run.sh TARGET.
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
        // A file of a `--catalogue` folder: reading, merging, validation, a scenario that uses it.
        .executableTarget(
            name: "CatalogueLoaderFuzzer",
            dependencies: [
                .product(name: "Steppe", package: "Steppe"),
                .product(name: "SteppeFiles", package: "Steppe"),
            ]
        ),
        // `steppe report`'s reading path: result JSON -> ReportDocument -> HTML, Markdown, CSV.
        .executableTarget(
            name: "ReportReaderFuzzer",
            dependencies: [.product(name: "Steppe", package: "Steppe")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
