import Testing
@testable import Steppe
import SteppeFiles

@Suite("File names made from data")
struct SafeFileNameTests {
    @Test("Path separators and other characters become underscores; no leading dot")
    func stem() {
        #expect(SafeFileName.stem("../../../../outside/PWNED") == "_._.._.._.._outside_PWNED")
        #expect(SafeFileName.stem("module-dairy_2.v1") == "module-dairy_2.v1")
        #expect(SafeFileName.stem(".hidden") == "_hidden")
        #expect(SafeFileName.stem("..") == "_.")
        #expect(SafeFileName.stem("奶牛 herd") == "___herd")
        #expect(SafeFileName.stem("") == "table")
    }

    @Test("Long names are cut to the maximum stem length")
    func bounded() {
        let name = SafeFileName.stem(String(repeating: "a", count: 5000))
        #expect(name.count == SafeFileName.maximumStemLength)
    }

    @Test("Names that become equal, also up to case, get -2, -3 ...")
    func unique() {
        var taken: Set<String> = []
        let names = ["a/b", "a_b", "A_B", "a_b-2"].map { SafeFileName.unique($0, extension: "csv", taken: &taken) }
        #expect(names == ["a_b.csv", "a_b-2.csv", "A_B-3.csv", "a_b-2-2.csv"])
    }
}

@Suite("File names Steppe writes are legal on Windows")
struct WindowsFileNameTests {
    /// Characters Windows does not allow in a file name.
    static let illegal = Set("<>:\"/\\|?*")

    @Test("No CSV table of any kind of report has a name with <>:\"/\\|?* or a control character",
          arguments: ["monteCarlo", "evaluation", "hourly", "incentives", "dairy"])
    func csvNames(kind: String) throws {
        let json: JSONValue
        switch kind {
        case "monteCarlo": json = ReportFixtures.monteCarlo
        case "evaluation": json = ReportFixtures.evaluation
        case "hourly": json = ReportFixtures.hourly
        case "incentives": json = ReportFixtures.incentives
        default: json = try ScenarioFile.load(path: packageRootURL.appendingPathComponent("Scenarios/dairy-3000-head.yaml").path).evaluate().json
        }
        let names = try ReportDocument(json: json).csvFiles.map(\.name)
        #expect(!names.isEmpty)
        for name in names {
            #expect(!name.contains { Self.illegal.contains($0) || $0.asciiValue.map { $0 < 32 } == true }, "\(name)")
        }
    }

    @Test("Ids made of illegal characters become legal names")
    func stemReplacesIllegal() {
        let stem = SafeFileName.stem("talent-staff:master<>\"|?*\\")
        #expect(!stem.contains { Self.illegal.contains($0) }, "\(stem)")
    }
}
