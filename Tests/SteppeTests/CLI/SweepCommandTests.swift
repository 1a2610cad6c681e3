import Foundation
import Testing
@testable import Steppe
import SteppeCLI

@Suite("steppe sweep")
struct SweepCommandTests {
    static let catalogueScenario = packageRootURL.appendingPathComponent("Scenarios/ejin-horo-green-hydrogen-catalogue.yaml").path
    static let hourlyScenario = packageRootURL.appendingPathComponent("Scenarios/ejin-horo-hydrogen-hourly.yaml").path

    /// A small plant whose IRR is undefined at price 0 (no inflow, so no sign change).
    static let plantYAML = """
        name: sweep plant
        reportUnit: wanYuan
        startYear: 2026
        operatingYears: 10
        assetClasses: [{id: plant, lifeYears: 10}]
        capex: [{year: 2026, assetClass: plant, amount: 1000000}]
        products: [{id: widget, unit: unit, quantity: 1000, price: 100}]
        tax: {citRate: 0}
        discounting: {projectRate: 0.08, equityRate: 0.08}
        """

    func json(_ result: CommandResult) throws -> JSONValue {
        try JSONValue(parsing: result.standardOutput)
    }

    @Test("A sweep of a catalogue scenario ({zone:} and {policy:} values) evaluates every point")
    func catalogueScenario() throws {
        let result = SteppeCommand.run(["sweep", Self.catalogueScenario, "--param", "products[0].price=16:24:3", "--format", "json", "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        let points = try #require(try json(result)["points"]?.array)
        #expect(points.count == 3)
        #expect(points.allSatisfy { $0["metrics"]?["equityNPV"]?.number != nil && $0["errors"] == nil })
    }

    @Test("--catalogue applies to every point, as in evaluate")
    func userCatalogue() throws {
        let folder = (try temporaryFile(named: "tariff.yaml", newerTariffCatalogueYAML) as NSString).deletingLastPathComponent
        let args = [Self.catalogueScenario, "--format", "json"]
        let evaluated = SteppeCommand.run(["evaluate"] + args + ["--catalogue", folder])
        let swept = SteppeCommand.run(["sweep"] + args + ["--catalogue", folder, "--param", "products[0].price=20:20:1", "--quiet"])
        #expect(evaluated.status == 0 && swept.status == 0)
        let npv = try #require(try JSONValue(parsing: evaluated.standardOutput)["metrics"]?["equityNPV"]?.number)
        let point = try #require(try json(swept)["points"]?.array?.first)
        #expect(point["metrics"]?["equityNPV"]?.number == npv)
    }

    @Test("A point that cannot be evaluated makes the exit status 1 and is listed on standard error")
    func failingPoint() throws {
        let file = try temporaryFile(named: "plant.yaml", Self.plantYAML)
        let result = SteppeCommand.run(["sweep", file, "--param", "operatingYears=0:10:2", "--quiet"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("1 of 2 points could not be evaluated"))
        #expect(result.standardError.contains("point 1 (operatingYears=0): plant.yaml"))
        #expect(result.standardOutput.contains("invalid (point 1, see below)"))
    }

    @Test("Text shows money in the scenario's report unit, columns aligned, undefined metrics as undefined")
    func textTable() throws {
        let file = try temporaryFile(named: "plant.yaml", Self.plantYAML)
        let result = SteppeCommand.run(["sweep", file, "--param", "products[0].price=0:200:3", "--quiet"])
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = try #require(lines.firstIndex { $0.hasPrefix("products[0].price") })
        #expect(lines[header].contains("equityNPV (万元)"))
        let table = Array(lines[header...header + 3])
        #expect(Set(table.map(\.count)).count == 1, "rows of different widths:\n\(table.joined(separator: "\n"))")
        #expect(table[1].contains("undefined"))
        // NPV at price 200: -1e6 + 200 000 × annuity(8%, 10 years) = 342 016.28 yuan = 34.20 万元.
        let npv = -1e6 + 200_000 * (1 - pow(1.08, -10)) / 0.08
        #expect(table[3].contains(ReportFormat.grouped(npv / 1e4)))
    }

    @Test("JSON gives an undefined metric as null with its reason")
    func undefinedInJSON() throws {
        let file = try temporaryFile(named: "plant.yaml", Self.plantYAML)
        let point = try json(SteppeCommand.run(["sweep", file, "--param", "products[0].price=0:0:1", "--format", "json", "--quiet"]))["points"]?.array?.first
        #expect(point?["metrics"]?["equityIRR"] == .null)
        #expect(point?["undefined"]?["equityIRR"]?.string?.isEmpty == false)
    }

    @Test("CSV has a header and one row per point, money in yuan")
    func csv() throws {
        let file = try temporaryFile(named: "plant.yaml", Self.plantYAML)
        let result = SteppeCommand.run(["sweep", file, "--param", "products[0].price=100:200:2", "--param", "capex[0].amount=1000000:2000000:2",
                                        "--format", "csv", "--quiet"])
        let rows = result.standardOutput.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.count == 5)
        let npvColumn = try #require(rows[0].firstIndex(of: "equityNPV"))
        let npv = -1e6 + 100_000 * (1 - pow(1.08, -10)) / 0.08
        #expect(relativeError(try #require(Double(rows[1][npvColumn])), npv) < 1e-9)
        #expect(rows.allSatisfy { $0.count == rows[0].count })
    }

    @Test("A grid larger than --max-points is refused before any evaluation, naming its size")
    func pointCap() {
        let result = SteppeCommand.run(["sweep", "--param", "products[0].price=1:2:2", "--param", "financing.equityShare=0.2:0.4:3",
                                        "--max-points", "5"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("the grid has 6 points (2 × 3), more than --max-points 5"))
        #expect(result.standardOutput.isEmpty)
    }

    @Test("--report draws a line over one swept input")
    func lineReport() throws {
        let file = try temporaryFile(named: "plant.yaml", Self.plantYAML)
        let report = (file as NSString).deletingLastPathComponent + "/sweep.html"
        let result = SteppeCommand.run(["sweep", file, "--param", "products[0].price=100:200:3", "--report", report, "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.contains("Equity NPV over products[0].price") && html.contains("<polyline"))
    }

    @Test("--report draws a heat map over two swept inputs with the best cell outlined")
    func heatMapReport() throws {
        let file = try temporaryFile(named: "plant.yaml", Self.plantYAML)
        let report = (file as NSString).deletingLastPathComponent + "/sweep.html"
        let result = SteppeCommand.run(["sweep", file, "--param", "products[0].price=100:200:3", "--param", "capex[0].amount=1000000:2000000:2",
                                        "--report", report, "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        let html = try String(contentsOfFile: report, encoding: .utf8)
        #expect(html.components(separatedBy: "class=\"cell\"").count - 1 == 6)
        #expect(html.contains("class=\"marked\""))
    }

    @Test("-o writes the output to a file")
    func outputFile() throws {
        let file = try temporaryFile(named: "plant.yaml", Self.plantYAML)
        let out = (file as NSString).deletingLastPathComponent + "/sweep.csv"
        let result = SteppeCommand.run(["sweep", file, "--param", "products[0].price=100:200:2", "--format", "csv", "-o", out, "--quiet"])
        #expect(result.status == 0 && result.standardOutput == "wrote \(out)\n")
        #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("products[0].price,"))
    }

    @Test("A hydrogen scenario's points carry export share and curtailment, the yearly share within the 20% cap")
    func dispatchColumns() throws {
        let result = SteppeCommand.run(["sweep", Self.hourlyScenario, "--param", "hydrogen.electrolyser.capacityMW=20:60:2", "--format", "json", "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        let points = try #require(try json(result)["points"]?.array)
        for p in points {
            let share = try #require(p["dispatch"]?["largestYearlyExportShare"]?.number)
            #expect(share <= 0.2 + 1e-9)
            #expect(p["dispatch"]?["curtailmentShare"]?.number != nil)
        }
        // A smaller electrolyser leaves more surplus: more is curtailed once the cap binds.
        #expect(try #require(points[0]["dispatch"]?["curtailmentMWh"]?.number) > (points[1]["dispatch"]?["curtailmentMWh"]?.number ?? .infinity))
    }
}
