import Foundation
import Testing
@testable import Steppe
import SteppeCLI
import SteppeFiles

@Suite("Siting comparison")
struct SiteComparisonTests {
    static let studyPath = packageRootURL.appendingPathComponent("Scenarios/study-hydrogen-siting.yaml").path

    /// The example study's zones as scenarios.
    static func studySites() throws -> [(zone: String, scenario: Scenario)] {
        let text = try String(contentsOfFile: studyPath, encoding: .utf8)
        let document = try ScenarioFile.sourceNode(text, file: "study.yaml")
        let study = try SiteStudy(reading: document, file: "study.yaml")
        let catalogue = try CatalogueFiles.standard()
        return try study.sites.map { site in
            (site.zone, try Scenario(reading: try SiteStudy.document(try #require(study.scenarioDocument), for: site, file: "study.yaml"),
                                     file: "study.yaml", catalogue: catalogue))
        }
    }

    @Test("A zone compared with itself differs by exactly zero on every path and every metric")
    func selfComparison() throws {
        let sites = try Self.studySites()
        let c = try SiteComparison(sites: [sites[0], sites[0]], configuration: MonteCarloConfiguration(paths: 300, seed: 5))
        let r = c.run(threads: 2)
        for m in PathMetric.allCases {
            let a = Array(r.values(site: 0, metric: m)), b = Array(r.values(site: 1, metric: m))
            #expect(zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern }, "\(m.name)")
        }
        for p in r.pairs(.equityNPV) {
            #expect(p.meanDifference == 0 && p.standardError == 0 && p.probabilityBeats == 0)
            #expect(p.independentStandardError > 0)
        }
        #expect(r.regret(.equityNPV).allSatisfy { $0.expected == 0 })
        #expect(r.drivers(site: 1, reference: 0).isEmpty)
    }

    @Test("Common random numbers give a smaller standard error of every pairwise difference than independent draws on the example study")
    func commonBeatsIndependent() throws {
        let sites = try Self.studySites()
        #expect(sites.count >= 3)
        let config = MonteCarloConfiguration(paths: 1000, seed: 1)
        let common = try SiteComparison(sites: sites, configuration: config, draws: .common).run(threads: 2)
        let independent = try SiteComparison(sites: sites, configuration: config, draws: .independent).run(threads: 2)
        let a = common.pairs(.equityNPV), b = independent.pairs(.equityNPV)
        #expect(a.count == sites.count * (sites.count - 1))
        for (x, y) in zip(a, b) {
            #expect(x.zone == y.zone && x.other == y.other)
            #expect(x.standardError < 0.25 * y.standardError, "\(sites[x.zone].zone) vs \(sites[x.other].zone): \(x.standardError) vs \(y.standardError)")
            // The independent run's measured standard error agrees with the one estimated from the common run.
            #expect(abs(y.standardError - x.independentStandardError) <= 0.2 * y.standardError)
        }
        // Zone 0 keeps the study's seed under both designs.
        #expect(Array(common.values(site: 0, metric: .equityNPV)) == Array(independent.values(site: 0, metric: .equityNPV)))
    }

    @Test("Results do not depend on the number of threads")
    func threads() throws {
        let sites = try Self.studySites()
        let c = try SiteComparison(sites: Array(sites.prefix(2)), configuration: MonteCarloConfiguration(paths: 600, seed: 3))
        let one = c.run(threads: 1), three = c.run(threads: 3)
        for m in PathMetric.allCases {
            #expect(zip(one.values(site: 1, metric: m), three.values(site: 1, metric: m)).allSatisfy { $0.bitPattern == $1.bitPattern })
        }
    }

    @Test("Zones whose uncertain inputs differ are refused: their draws would not line up")
    func layoutMismatch() throws {
        var sites = try Self.studySites()
        sites[1].scenario.uncertainty.removeLast()
        #expect(throws: ScenarioErrors.self) { try SiteComparison(sites: sites, configuration: MonteCarloConfiguration(paths: 10)) }
    }

    @Test("Regret is zero for a zone that is best on every path, and the best zone ranks first")
    func regret() throws {
        let sites = try Self.studySites()
        let r = try SiteComparison(sites: sites, configuration: MonteCarloConfiguration(paths: 400, seed: 2)).run(threads: 2)
        let regret = r.regret(.equityNPV)
        let first = r.ranking(.equityNPV)[0]
        #expect(regret[first].expected == regret.map(\.expected).min())
        for (s, x) in regret.enumerated() where x.probabilityBest == 1 { #expect(x.expected == 0, "\(s)") }
        #expect(abs(regret.map(\.probabilityBest).reduce(0, +) - 1) < 1e-12)
    }

    @Test("steppe compare on the study file prints JSON with the documented keys")
    func command() throws {
        let result = SteppeCommand.run(["compare", Self.studyPath, "--paths", "200", "--format", "json", "--threads", "2"])
        #expect(result.status == 0, "\(result.standardError)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        for key in ["study", "scenario", "paths", "seed", "sampler", "draws", "generator", "comparisonMetric", "zones", "ranking",
                    "pairwise", "drivers", "conventions"] {
            #expect(root[key] != nil, "\(key)")
        }
        let zones = try #require(root["zones"] as? [[String: Any]])
        #expect(zones.count == 4)
        let metrics = try #require(zones[0]["metrics"] as? [String: Any])
        let npv = try #require(metrics["equityNPV"] as? [String: Any])
        for key in ["mean", "standardError", "p10", "p50", "p90", "undefined"] { #expect(npv[key] != nil, "\(key)") }
        for key in ["zone", "rank", "probabilityMeetingHurdle", "expectedRegret", "probabilityBest", "hurdleRate"] { #expect(zones[0][key] != nil, "\(key)") }
    }

    @Test("steppe compare --zones sites a plain scenario that takes its values from the zone; an unknown zone is an error")
    func zonesOption() {
        let path = packageRootURL.appendingPathComponent("Scenarios/ejin-horo-green-hydrogen-catalogue.yaml").path
        let ok = SteppeCommand.run(["compare", path, "--zones", "ejin-horo-mengsu,baotou,hohhot-etdz", "--paths", "64", "--threads", "1",
                                    "--drop-inapplicable-policies"])
        #expect(ok.status == 0 && ok.standardOutput.contains("baotou"), "\(ok.standardError)")
        let bad = SteppeCommand.run(["compare", "--zones", "ejin-horo-mengsu,atlantis", "--paths", "8"])
        #expect(bad.status == 1 && bad.standardError.contains("unknown zone 'atlantis'"))
    }

    /// Mean and sample sd by two passes over the values (the independent check of the streamed sums).
    static func twoPass(_ xs: [Double]) -> (mean: Double, sd: Double) {
        let n = Double(xs.count), mean = xs.reduce(0, +) / n
        return (mean, (xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot())
    }

    static func close(_ a: Double, _ b: Double, scale: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, scale) }

    @Test("Streamed moments, pairwise statistics and regret equal two-pass computations over the kept paths")
    func streamedEqualsTwoPass() throws {
        let sites = try Self.studySites()
        let r = try SiteComparison(sites: Array(sites.prefix(3)), configuration: MonteCarloConfiguration(paths: 500, seed: 11)).run(threads: 2)
        for m in [PathMetric.equityNPV, .equityIRR, .minDSCR, .levelizedCost] {
            let columns = (0..<3).map { Array(r.values(site: $0, metric: m)) }
            for s in 0..<3 {
                let xs = columns[s].filter(\.isFinite)
                let (mean, sd) = Self.twoPass(xs)
                let st = try #require(r.statistics(site: s, metric: m))
                #expect(Self.close(st.mean, mean, scale: abs(mean)) && Self.close(st.standardError * Double(xs.count).squareRoot(), sd, scale: sd), "\(m.name) zone \(s)")
            }
            for p in r.pairs(m) {
                let both = zip(columns[p.zone], columns[p.other]).filter { $0.0.isFinite && $0.1.isFinite }
                let (mean, sd) = Self.twoPass(both.map { $0.0 - $0.1 })
                let beats = both.filter { m.higherIsBetter ? $0.0 > $0.1 : $0.0 < $0.1 }.count
                #expect(p.paths == both.count && p.probabilityBeats == Double(beats) / Double(both.count))
                #expect(Self.close(p.meanDifference, mean, scale: sd) && Self.close(p.standardError * Double(both.count).squareRoot(), sd, scale: sd))
            }
            let rows = (0..<500).map { i in columns.map { $0[i] } }.filter { $0.allSatisfy(\.isFinite) }
            let regret = r.regret(m)
            for s in 0..<3 {
                let values = rows.map { row in abs((m.higherIsBetter ? row.max()! : row.min()!) - row[s]) }
                let (mean, _) = Self.twoPass(values)
                #expect(Self.close(regret[s].expected, mean, scale: Self.twoPass(columns[s].filter(\.isFinite)).sd), "\(m.name) zone \(s)")
            }
        }
    }

    @Test("Beyond the exact-quantile limit no path is kept, quantiles come from the sketch within 0.1%, and threads do not matter")
    func sketchBeyondExactLimit() throws {
        let sites = Array(try Self.studySites().prefix(2))
        let exact = try SiteComparison(sites: sites, configuration: MonteCarloConfiguration(paths: 700, seed: 4)).run(threads: 1)
        let config = MonteCarloConfiguration(paths: 700, seed: 4, exactQuantileLimit: 100)
        let one = try SiteComparison(sites: sites, configuration: config).run(threads: 1)
        let two = try SiteComparison(sites: sites, configuration: config).run(threads: 2)
        #expect(!one.exactQuantiles && exact.exactQuantiles)
        #expect(one.values(site: 0, metric: .equityNPV).isEmpty)
        #expect(one.json().serialized() == two.json().serialized())
        for s in 0..<2 {
            let a = try #require(exact.statistics(site: s, metric: .equityNPV)), b = try #require(one.statistics(site: s, metric: .equityNPV))
            #expect(a.mean == b.mean && a.standardError == b.standardError)
            // DDSketch: relative error <= 0.1% against the order statistic of the same rank.
            let xs = Array(exact.values(site: s, metric: .equityNPV)).filter(\.isFinite).sorted()
            let rank = xs[Int((0.5 * Double(xs.count - 1)).rounded(.down))]
            #expect(abs(b.p50 - rank) <= 1e-3 * abs(rank))
        }
    }

    @Test("Setting a string key path adds a missing key and quotes the value")
    func settingString() throws {
        let node = try ScenarioFile.sourceNode("name: x\nstartYear: 2026\n", file: "s.yaml")
        let sited = try node.setting("zone", toString: "baotou")
        guard case .mapping(let entries) = sited.value, case .scalar("baotou", plain: false)? = entries.last?.value.value else {
            Issue.record("zone not added"); return
        }
        #expect(entries.map(\.key) == ["name", "startYear", "zone"])
        #expect(throws: SourceNode.EditError.self) { try node.setting("products[0].price", toString: "1") }
    }

    @Test("Its progress counts every path once, up to the run's paths, from any number of threads")
    func progressCountsEveryPath() throws {
        let sites = try Self.studySites()
        let reports = PolicyRiskComparisonTests.Reports()
        _ = try SiteComparison(sites: Array(sites.prefix(2)), configuration: MonteCarloConfiguration(paths: 1000, seed: 3))
            .run(threads: 3, progress: { reports.add($0) })
        // Four chunks of at most 256 paths, each reported once; the running total ends at 1000.
        #expect(reports.all.count == 4)
        #expect(reports.all.max() == 1000)
    }

    @Test("A zone whose paths draw their own weather and plant gets each path's own dispatch, the values steppe run gives")
    func drawnWeatherAndPlantReachEachZonesPaths() throws {
        let text = HydrogenPathModelTests.plantYAML()
        let site = try scenario(text)
        let c = try SiteComparison(sites: [("a", site), ("b", site)], configuration: MonteCarloConfiguration(paths: 16, seed: 5))
        let r = c.run(threads: 2)
        let study = try HydrogenPathModelTests.study(text, paths: 16, seed: 5)
        let run = study.runner.metricValues(.equityNPV, paths: 0..<16)
        for s in 0..<2 {
            let values = Array(r.values(site: s, metric: .equityNPV))
            #expect(zip(values, run).allSatisfy { $0.bitPattern == $1.bitPattern }, "zone \(s)")
        }
        #expect(Set(run).count == 16, "every path has its own plant and weather")
    }
}
