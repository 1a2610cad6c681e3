import Testing
@testable import Steppe
import SteppeCLI
import SteppeFiles

@Suite("Parameter sweep")
struct ParameterSweepTests {
    static let yaml = """
        name: sweep
        startYear: 2026
        operatingYears: 10
        assetClasses: [{id: plant, lifeYears: 10}]
        capex: [{year: 2026, assetClass: plant, amount: 1000000}]
        products: [{id: widget, unit: unit, quantity: 1000, price: 100}]
        tax: {citRate: 0}
        discounting: {projectRate: 0.08, equityRate: 0.08}
        """

    @Test("Setting a key path changes that value only")
    func setting() throws {
        let node = try ScenarioFile.sourceNode(Self.yaml, file: "s.yaml")
        let changed = try Scenario(reading: try node.setting("products[0].price", to: 150), file: "s.yaml")
        #expect(changed.products[0].price == 150)
        #expect(changed.products[0].quantity == 1000)
        #expect(throws: SourceNode.EditError.self) { try node.setting("products[3].price", to: 1) }
        #expect(throws: SourceNode.EditError.self) { try node.setting("products[0].colour", to: 1) }
    }

    @Test("The grid covers every combination, first parameter slowest, and finds the best point")
    func grid() throws {
        let node = try ScenarioFile.sourceNode(Self.yaml, file: "s.yaml")
        let sweep = ParameterSweep(document: node, file: "s.yaml", parameters: [
            try #require(ParameterSweep.Parameter("products[0].price=100:200:3")),
            try #require(ParameterSweep.Parameter("products[0].quantity=500:1000:2")),
        ])
        let points = sweep.run()
        #expect(points.map(\.values) == [[100, 500], [100, 1000], [150, 500], [150, 1000], [200, 500], [200, 1000]])
        // NPV = -C + P Q a rises with both: the best is the last point.
        #expect(ParameterSweep.best(points, metric: "equityNPV", minimize: false) == 5)
        #expect(ParameterSweep.best(points, metric: "equityNPV", minimize: true) == 0)
    }

    @Test("Points come back in grid order with the same metrics whatever the number of threads")
    func threadsKeepGridOrder() throws {
        let node = try ScenarioFile.sourceNode(Self.yaml, file: "s.yaml")
        let sweep = ParameterSweep(document: node, file: "s.yaml", parameters: [
            try #require(ParameterSweep.Parameter("products[0].price=100:200:7")),
            try #require(ParameterSweep.Parameter("products[0].quantity=500:1000:5")),
        ])
        let one = sweep.run(threads: 1), four = sweep.run(threads: 4)
        #expect(four.map(\.values) == (0..<35).map(sweep.values(at:)))
        #expect(four.map { $0.metrics?.equityNPV } == one.map { $0.metrics?.equityNPV })
    }

    @Test("A point with an invalid value reports its error instead of metrics")
    func invalidPoint() throws {
        let node = try ScenarioFile.sourceNode(Self.yaml, file: "s.yaml")
        let sweep = ParameterSweep(document: node, file: "s.yaml", parameters: [try #require(ParameterSweep.Parameter("operatingYears=-1:10:2"))])
        let points = sweep.run()
        #expect(points[0].metrics == nil && points[0].errors.first?.contains("operatingYears: must be >= 1") == true)
        #expect(points[1].metrics != nil)
    }

    @Test("steppe sweep rejects a malformed --param")
    func badParam() {
        let result = SteppeCommand.run(["sweep", "--param", "products[0].price=1:2"])
        #expect(result.status != 0 && result.standardError.contains("key.path=from:to:count"))
    }

    @Test("A grid whose point count overflows 64 bits has size Int.max, not an overflow trap")
    func sizeSaturates() throws {
        let huge = try #require(ParameterSweep.Parameter("products[0].price=1:2:4294967296"))
        let document = try ScenarioFile.sourceNode(DefaultScenario.yaml, file: DefaultScenario.fileName)
        let sweep = ParameterSweep(document: document, file: DefaultScenario.fileName, parameters: [huge, huge, huge])
        #expect(sweep.size == .max)
        #expect(ParameterSweep(document: document, file: DefaultScenario.fileName, parameters: [huge]).size == 4_294_967_296)
    }

    @Test("A bound beyond a scenario's largest number is not a parameter (its steps would be infinite)")
    func boundsBeyondTheLargestNumber() {
        #expect(ParameterSweep.Parameter("products[0].price=-1.7e308:1.7e308:3") == nil)
        #expect(ParameterSweep.Parameter("products[0].price=-1e15:1e15:3")?.values == [-1e15, 0, 1e15])
    }
}
