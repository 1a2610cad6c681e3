import Testing
@testable import Steppe

@Suite("Probabilities in reports")
struct ProbabilityFormatTests {
    @Test("A share of paths that rounds to 0.0% but is not zero reads '< 0.1%' with the count")
    func smallShareKeepsCount() {
        #expect(ReportFormat.probability(3.0 / 10_000, paths: 10_000) == "< 0.1% (3 of 10000 paths)")
    }

    @Test("A share that rounds to 100.0% but is not one reads '> 99.9%' with the count")
    func largeShareKeepsCount() {
        #expect(ReportFormat.probability(9_997.0 / 10_000, paths: 10_000) == "> 99.9% (9997 of 10000 paths)")
    }

    @Test("Zero, one and ordinary shares read as percent with one decimal")
    func ordinaryShares() {
        #expect(ReportFormat.probability(0, paths: 10_000) == "0.0%")
        #expect(ReportFormat.probability(1, paths: 10_000) == "100.0%")
        #expect(ReportFormat.probability(0.1234, paths: 10_000) == "12.3%")
        #expect(ReportFormat.probability(nil, paths: 10_000) == "–")
    }

    @Test("The run report's probability of loss uses it: a loss on some paths never reads 0.0%")
    func runReportProbabilityOfLoss() throws {
        guard case .object(var root) = ReportFixtures.monteCarlo,
              let m = root.firstIndex(where: { $0.0 == "metrics" }), case .object(var metrics) = root[m].1,
              let n = metrics.firstIndex(where: { $0.0 == "equityNPV" }), case .object(var npv) = metrics[n].1,
              let p = npv.firstIndex(where: { $0.0 == "probabilityNegative" }) else {
            Issue.record("unexpected fixture shape"); return
        }
        // One loss in 5000 paths rounds to 0.0%.
        let count = 5000.0
        npv[p].1 = .number(1 / count)
        if let c = npv.firstIndex(where: { $0.0 == "count" }) { npv[c].1 = .number(count) }
        metrics[n].1 = .object(npv); root[m].1 = .object(metrics)
        let html = try ReportDocument(json: .object(root)).html
        #expect(html.contains("&lt; 0.1% (1 of \(ReportFormat.plain(count)) paths)") || html.contains("< 0.1% (1 of \(ReportFormat.plain(count)) paths)"))
        #expect(html.contains("leaves out the incentives&#39; policy risk") || html.contains("leaves out the incentives' policy risk"))
    }
}
