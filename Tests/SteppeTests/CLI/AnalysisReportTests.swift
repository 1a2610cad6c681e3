import Foundation
import Testing
import SteppeCLI

@Suite("Analysis reports")
struct AnalysisReportTests {
    @Test("steppe sensitivity --report writes an HTML report with the tornado and the Sobol table")
    func sensitivityReport() throws {
        let folder = URL(fileURLWithPath: try temporaryFile(named: "x", "")).deletingLastPathComponent()
        let html = folder.appendingPathComponent("sensitivity.html").path
        let result = SteppeCommand.run(["sensitivity", "--tornado", "--sobol", "--paths", "128", "--report", html])
        #expect(result.status == 0, "\(result.standardError)")
        let text = try String(contentsOfFile: html, encoding: .utf8)
        #expect(text.contains("Tornado: equity NPV"))
        #expect(text.contains("Sobol sensitivity indices"))
        // An existing report is not replaced without --force.
        let again = SteppeCommand.run(["sensitivity", "--tornado", "--report", html])
        #expect(again.status == 1 && again.standardError.contains("--force"))
    }

    @Test("steppe compare --report writes the zone comparison")
    func compareReport() throws {
        let folder = URL(fileURLWithPath: try temporaryFile(named: "x", "")).deletingLastPathComponent()
        let html = folder.appendingPathComponent("compare.html").path
        let study = packageRootURL.appendingPathComponent("Scenarios/study-hydrogen-siting.yaml").path
        let result = SteppeCommand.run(["compare", study, "--paths", "128", "--report", html])
        #expect(result.status == 0, "\(result.standardError)")
        let text = try String(contentsOfFile: html, encoding: .utf8)
        #expect(text.contains("ranked by P50") && !text.contains("DDSketch"))
    }

    @Test("A zone comparison beyond its exact-quantile limit says that its percentiles are sketch estimates")
    func compareReportSketched() throws {
        let folder = URL(fileURLWithPath: try temporaryFile(named: "x", "")).deletingLastPathComponent()
        let html = folder.appendingPathComponent("compare.html").path
        let study = packageRootURL.appendingPathComponent("Scenarios/study-hydrogen-siting.yaml").path
        let result = SteppeCommand.run(["compare", study, "--paths", "128", "--exact-limit", "100", "--report", html])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try String(contentsOfFile: html, encoding: .utf8).contains("Percentiles are DDSketch estimates"))
    }

    @Test("compare refuses a run whose kept paths would exceed --max-memory, and says how to fit it; a sketch fits")
    func compareMemoryLimit() {
        let study = packageRootURL.appendingPathComponent("Scenarios/study-hydrogen-siting.yaml").path
        let refused = SteppeCommand.run(["compare", study, "--paths", "100000", "--max-memory", "50"])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("this comparison needs about 194 MB, more than --max-memory 50; lower --exact-limit"),
                "\(refused.standardError)")
        let sketched = SteppeCommand.run(["compare", study, "--paths", "64", "--exact-limit", "0", "--max-memory", "100", "--threads", "1"])
        #expect(sketched.status == 0, "\(sketched.standardError)")
    }
}
