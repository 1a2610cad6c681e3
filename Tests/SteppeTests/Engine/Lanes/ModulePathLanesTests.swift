import Foundation
import Testing
@testable import Steppe

/// A module of the tests alone, which plugs into the engine through `ScenarioModule.pathModel` only: it
/// contributes a product `gadget` (100 a year at 10 yuan) and 1000 yuan of capex in the first operating year,
/// and on each Monte Carlo path sells 100 × (path + 1) gadgets a year and spends 50 × (path + 1) of capex.
/// Its path runs count into `runs` when given (how often a study runs a path's module model).
struct GadgetModule: ScenarioModule {
    static let sectionKey = "gadgets"
    var contributesCapex = true
    var runs: GadgetRunCount?

    func contribute(to scenario: inout Scenario) throws(ScenarioErrors) -> ModuleReport {
        scenario.products.append(Product(id: "gadget", unit: "unit", quantity: YearlyValue(100), price: 10))
        if contributesCapex {
            scenario.capex.append(CapexItem(year: scenario.resolvedOperationStartYear, assetClass: "plant", amount: 1000))
        }
        return ModuleReport()
    }

    func pathModel(_ context: ModulePathContext) throws(ScenarioErrors) -> (any ModulePathModel)? {
        GadgetPathModel(yearCount: context.yearCount, operationStart: context.operationStart, runs: runs)
    }
}

/// The gadget path runs a study made (from any thread).
final class GadgetRunCount: @unchecked Sendable {
    private let lock = NSLock()
    private var runs = 0
    var count: Int { lock.withLock { runs } }
    func add() { lock.withLock { runs += 1 } }
}

private struct GadgetPathModel: ModulePathModel {
    var yearCount: Int, operationStart: Int
    var runs: GadgetRunCount?
    var lines: [ModulePathLine] {
        [ModulePathLine(.productQuantity(id: "gadget"), years: operationStart..<yearCount),
         ModulePathLine(.productQuantity(id: "no-such-product"), years: operationStart..<yearCount),
         ModulePathLine(.capex(assetClass: "plant"), years: operationStart..<(operationStart + 1))]
    }
    var drawsOwnParameters: Bool { false }
    var moduleWithoutPathCapex: (any ScenarioModule)? { GadgetModule(contributesCapex: false) }
    var summaryPathLimit: Int { 5 }
    var drawnByPath: String? { nil }
    func makeWorker() -> GadgetWorker { GadgetWorker(self) }
    func summary(of records: [Int]) -> ModulePathSummary? {
        ModulePathSummary(key: "gadgets", json: .array(records.map { .number(Double($0)) }), text: "gadget paths \(records)")
    }
}

private final class GadgetWorker: ModulePathWorker {
    let model: GadgetPathModel
    var paths = [Int](repeating: -1, count: Lanes.scalarCount)
    init(_ model: GadgetPathModel) { self.model = model }

    func run(path: Int, lane: Int, uniform: (Int) -> Double, into values: UnsafeMutableBufferPointer<Double>) {
        paths[lane] = path
        model.runs?.add()
        let n = model.yearCount
        for t in model.operationStart..<n {
            values[t] = 100 * Double(path + 1)
            values[n + t] = -1   // the line the compiled model lacks: never read
        }
        values[2 * n + model.operationStart] = 50 * Double(path + 1)
    }
    func runBase(setting field: String?, to value: Double, into values: UnsafeMutableBufferPointer<Double>) {}
    func record(lane: Int) -> Int { paths[lane] }
}

@Suite("Module path models: a module's own model run on each path, through the engine's one interface")
struct ModulePathLanesTests {
    static let yaml = """
        name: gadgets
        startYear: 2026
        operationStartYear: 2027
        operatingYears: 4
        assetClasses: [{id: plant, lifeYears: 10}]
        capex: [{year: 2026, assetClass: plant, amount: 100000}, {year: 2027, assetClass: plant, amount: 7}]
        products: [{id: widget, unit: unit, quantity: 10, price: 5}]
        discounting: {projectRate: 0.08, equityRate: 0.08}
        """

    static func study(paths: Int = 16, chunkSize: Int = 1024, counting runs: GadgetRunCount? = nil) throws -> MonteCarloStudy {
        var s = try scenario(yaml)
        s.modules = [GadgetModule(runs: runs)]
        return try MonteCarloStudy(scenario: s, scenarioText: yaml, configuration: MonteCarloConfiguration(paths: paths, seed: 1, chunkSize: chunkSize))
    }

    @Test("A path's lines replace the module's contributed lines in that path's lane, bound by id")
    func pathLinesReplaceContributedLines() throws {
        let study = try Self.study()
        for path in [0, 3, 9] {
            let ws = study.runner.evaluatePath(path)
            for t in 1...4 { #expect(ws.revenue[t] == 10 * 5 + 10 * 100 * Double(path + 1), "path \(path), year \(t)") }
        }
        #expect(study.runner.lanes.pathModels[0].bindings.count == 2, "the line naming no compiled product is not bound")
    }

    @Test("Capex lines add to the class's capex without the module's path-dependent items")
    func capexLinesAddToCapexWithoutTheModule() throws {
        let study = try Self.study()
        #expect(study.runner.model.capex[0, 1] == 1007, "the compiled base case holds the file's and the module's capex")
        for path in [0, 5] {
            let ws = study.runner.evaluatePath(path)
            #expect(ws.capex[0] == 100_000 && ws.capex[1] == 7 + 50 * Double(path + 1), "path \(path)")
        }
    }

    @Test("The module's summary of the first paths joins the result JSON under its own key")
    func summaryJoinsTheResult() throws {
        let study = try Self.study(paths: 16)
        let summaries = study.modulePathSummaries(paths: 16)
        #expect(summaries.map(\.key) == ["gadgets"])
        #expect(summaries[0].json == .array((0..<5).map { .number(Double($0)) }), "its first `summaryPathLimit` paths, in order")
        let state = study.runner.run()
        #expect(study.resultJSON(state)["gadgets"] == summaries[0].json)
    }
}
