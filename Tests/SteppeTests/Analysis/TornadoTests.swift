import Testing
@testable import Steppe

@Suite("The tornado of a scenario whose hydrogen plant is drawn")
struct TornadoTests {
    @Test("A drawn plant number's bar ends equal direct evaluations of the file with the number at its P10 and P90")
    func drawnPlantNumberMovesItsBar() throws {
        let law = "{distribution: uniform, min: 30, max: 55}"
        let text = HydrogenPathModelTests.yaml().replacingOccurrences(of: "electrolyser: {capacityMW: 40.0,", with: "electrolyser: {capacityMW: \(law),")
        let s = try scenario(text)
        let drawer = try StochasticModel(scenario: s, model: try s.compile())
        let tornado = try Tornado(scenario: s, drawer: drawer, metric: .equityNPV)
        let bar = try #require(tornado.bars().first { $0.input == "hydrogen.electrolyser.capacityMW" })
        #expect(bar.low == 32.5 && bar.high == 52.5)
        for (level, value) in [(bar.low, bar.valueLow), (bar.high, bar.valueHigh)] {
            let direct = try scenario(text.replacingOccurrences(of: law, with: "\(level)")).evaluate()
            #expect(value == direct.metrics.equityNPV.number, "at \(level) MW")
        }
        #expect(bar.swing > 0)
    }
}

extension TornadoTests {
    @Test("The bars of other inputs are those without the per-path dispatch: a capex draw adds to the capex the plant's costs write")
    func otherBarsAreUnchanged() throws {
        let text = HydrogenPathModelTests.plantYAML()
            .replacingOccurrences(of: "amount: 500.0e6", with: "amount: {distribution: uniform, min: 450.0e6, max: 550.0e6, base: 500.0e6}")
        let s = try scenario(text)
        let drawer = try StochasticModel(scenario: s, model: try s.compile())
        let withDispatch = try Tornado(scenario: s, drawer: drawer, metric: .equityNPV).bars()
        let without = Tornado(drawer: drawer, metric: .equityNPV).bars()
        let capex = try #require(withDispatch.first { $0.input == "capex[0].amount" })
        let expected = try #require(without.first { $0.input == "capex[0].amount" })
        #expect(capex.valueLow == expected.valueLow && capex.valueHigh == expected.valueHigh && capex.swing > 0)
        // The plant's bars move only with the dispatch.
        let plant = withDispatch.filter { $0.input.hasPrefix("hydrogen.") }
        #expect(plant.count == HydrogenPathModelTests.plantLaws.count && plant.allSatisfy { $0.swing > 0 })
    }
}
