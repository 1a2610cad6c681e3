import Foundation
import PropertyBased
import Testing
@testable import Steppe
import SteppeCLI
import SteppeFiles

/// On random scenarios, many of them extreme but valid (values at the bounds `validate` enforces),
/// a scenario `validate` accepts never crashes `evaluate` or `run`, and neither writes a non-finite number.
@Suite("Valid scenarios: evaluate and run")
struct ValidScenarioPropertyTests {
    /// A random scenario file: ordinary values, or with probability 1/2 each, values at or near the bounds
    /// (rates -0.5 and 1, escalation 1, 200 years, magnitudes 1e15, lognormal sigma 5).
    static func randomScenario(_ seed: Int) -> String {
        var g = SplitMix64(seed: UInt64(bitPattern: Int64(seed)))
        func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * Double(g.next() >> 11) / 9_007_199_254_740_992 }
        func pick<T>(_ options: [T]) -> T { options[Int(g.next() % UInt64(options.count))] }
        func extreme(_ ordinary: Double, _ edges: [Double]) -> Double { g.next() % 2 == 0 ? ordinary : pick(edges) }

        let years = Int(extreme(Double(Int(uniform(5, 30))), [1, 100, 200]))
        let rate = { extreme(uniform(0, 0.12), [-0.5, -0.4999, 1, 0.9999]) }
        let escalation = extreme(uniform(-0.02, 0.05), [1, -0.999, 0.5])
        let quantity = extreme(uniform(1, 1e6), [1e15, 1e-15, 0])
        let amount = extreme(uniform(1e5, 1e8), [1e15, 1e-15])
        let price = pick([
            "\(extreme(uniform(1, 200), [1e15, -1e15, 0]))",
            "{distribution: lognormal, mu: \(extreme(uniform(0, 5), [34, -34])), sigma: \(pick([0.1, 2.5, Distribution.largestLogSigma]))}",
            "{perYearMultiplier: {distribution: lognormal, mu: 0, sigma: \(pick([0.2, Distribution.largestLogSigma]))}, base: \(extreme(100, [1e15]))}",
            "{distribution: uniform, min: \(extreme(10, [-1e15])), max: \(extreme(300, [1e15]))}",
            "{distribution: normal, mean: 100, sd: \(extreme(20, [1e15]))}",
        ])
        let loan = g.next() % 2 == 0 ? "" : """
            financing:
              equityShare: \(extreme(0.3, [1e-9, 0.999]))
              loans: [{id: bank, share: \(extreme(0.7, [0.999999])), rate: \(rate()), tenorYears: \(max(1, min(years, 15))), repayment: \(pick(["annuity", "equalPrincipal", "bullet"]))}]

            """
        return """
            name: property \(seed)
            startYear: 2026
            operatingYears: \(years)
            assetClasses: [{id: plant, lifeYears: \(max(1, min(years, 20)))}]
            capex: [{year: 2026, assetClass: plant, amount: \(amount)}]
            products: [{id: widget, unit: unit, quantity: \(quantity), price: \(price), escalation: \(escalation), quantityGrowth: \(extreme(0, [1, -0.999]))}]
            operatingCosts: [{id: om, annualAmount: \(extreme(uniform(0, 1e6), [1e15])), escalation: \(extreme(0.02, [1]))}]
            \(loan)discounting: {projectRate: \(rate()), equityRate: \(rate())}

            """
    }

    /// Whether `text` holds NaN or an infinity as a word (as Swift prints them: nan, -nan, inf, -inf).
    static func hasNonFinite(_ text: String) -> Bool {
        text.range(of: #"(?<![A-Za-z])-?(nan|inf|infinity)(?![A-Za-z])"#, options: [.regularExpression, .caseInsensitive]) != nil
    }

    @Test("A scenario validate accepts is evaluated and run without a crash or a non-finite number in any output")
    func validImpliesFiniteOutputs() async throws {
        let folder = (try temporaryFile(named: "placeholder.txt", "") as NSString).deletingLastPathComponent
        await propertyCheck(count: 32, input: Gen.int(in: 0...Int.max)) { seed in
            let file = folder + "/property-\(seed).yaml"
            _ = FileManager.default.createFile(atPath: file, contents: Data(Self.randomScenario(seed).utf8))
            defer { try? FileManager.default.removeItem(atPath: file) }
            guard SteppeCommand.run(["validate", file]).status == 0 else { return }
            let commands = [["evaluate", file], ["evaluate", file, "--format", "json"],
                            ["run", file, "--paths", "24", "--chunk-size", "8", "--threads", "1", "--quiet"],
                            ["run", file, "--paths", "24", "--chunk-size", "8", "--threads", "1", "--quiet", "--format", "json"]]
            for arguments in commands {
                let result = SteppeCommand.run(arguments)
                #expect(result.status == 0 || result.status == 1, "seed \(seed): \(arguments) exited \(result.status)")
                #expect(!Self.hasNonFinite(result.standardOutput), "seed \(seed): \(arguments) wrote a non-finite number")
                if result.status == 1 { #expect(!result.standardError.isEmpty, "seed \(seed): \(arguments) failed silently") }
            }
        }
    }

    @Test("Most generated scenarios pass validate, and some of those sit at the bounds (so the property is not vacuous)")
    func generatorMakesValidScenarios() throws {
        var valid = 0, extreme = 0
        for seed in 0..<40 {
            let text = Self.randomScenario(seed)
            guard (try? ScenarioFile.parse(text, file: "property.yaml")) != nil else { continue }
            valid += 1
            if text.contains("escalation: 1.0") || text.contains("1e+15") || text.contains("sigma: 5.0") { extreme += 1 }
        }
        #expect(valid >= 20, "only \(valid) of 40 scenarios are valid")
        #expect(extreme >= 10, "only \(extreme) valid scenarios have extreme values")
    }

    @Test("The non-finite detector finds what Swift prints for NaN and infinities, and nothing in ordinary words")
    func detector() {
        #expect(Self.hasNonFinite("mean: nan") && Self.hasNonFinite("x -inf") && Self.hasNonFinite("1, -nan,"))
        #expect(!Self.hasNonFinite("info: incentives, financing, inflation"))
    }
}
