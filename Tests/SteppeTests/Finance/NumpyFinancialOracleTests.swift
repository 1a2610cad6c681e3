import Foundation
import Testing
@testable import Steppe

/// The numpy-financial 1.0.0 values of `shared/oracles/numpy_financial.json`
/// (copied to `Fixtures/`), reproduced by Steppe's own functions.
@Suite("numpy-financial oracle")
struct NumpyFinancialOracleTests {
    struct Case: CustomStringConvertible {
        let fn: String
        let args: [Any]
        let value: Double?
        var description: String { "\(fn)(\(args))" }
        /// Read afresh for each test: JSON arguments are `Any`, which is not `Sendable`.
        static var all: [Case] { load() }
    }

    static func load() -> [Case] {
        let url = fixturesURL.appendingPathComponent("numpy_financial.json")
        // The file contains the bare token NaN, which JSONSerialization rejects; it stands for "no value".
        let text = (try? String(contentsOf: url, encoding: .utf8))?.replacingOccurrences(of: "NaN", with: "null") ?? ""
        let root = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let cases = root?["cases"] as? [[String: Any]] ?? []
        return cases.map { Case(fn: $0["fn"] as! String, args: $0["args"] as! [Any], value: $0["value"] as? Double) }
    }

    /// Expands the oracle's shorthand flow descriptions.
    static func flows(_ arg: Any) -> [Double] {
        if let list = arg as? [Double] { return list }
        switch arg as? String {
        case "[-1000]+[100]*25": return [-1000] + Array(repeating: 100, count: 25)
        case "growing 2%/yr from 100, 25y": return [-1000] + (0..<25).map { 100 * pow(1.02, Double($0)) }
        default: Issue.record("unknown flow description \(arg)"); return []
        }
    }

    @Test("The oracle file holds the expected number of cases")
    func oracleLoaded() {
        #expect(Case.all.count == 18)
    }

    @Test("npv matches numpy-financial (first flow undiscounted)")
    func npvCases() throws {
        let cases = Case.all.filter { $0.fn == "npv" }
        #expect(cases.count == 3)
        for c in cases {
            let rate = try #require(c.args[0] as? Double)
            let value = netPresentValue(rate: rate, Self.flows(c.args[1]))
            #expect(relativeError(value, try #require(c.value)) <= 1e-9, "\(c)")
        }
    }

    @Test("irr matches numpy-financial where the root is unique")
    func irrUniqueCases() throws {
        let cases = Case.all.filter { $0.fn == "irr" || $0.fn == "irr_bisection_check" }
        var checked = 0
        for c in cases {
            let flows = Self.flows(c.args[0])
            switch internalRateOfReturn(flows) {
            case .unique(let r):
                #expect(relativeError(r, try #require(c.value)) <= 1e-9, "\(c)")
                checked += 1
            case .noSignChange:
                #expect(c.value == nil, "numpy gives NaN where Steppe finds no sign change: \(c)")
            case .multipleRoots(let roots):
                // numpy returns the root closest to zero; Steppe reports all of them instead.
                let expected = try #require(c.value)
                let closest = try #require(roots.min { abs($0) < abs($1) })
                #expect(relativeError(closest, expected) <= 1e-9, "\(c)")
                for root in roots { #expect(abs(netPresentValue(rate: root, flows)) <= 1e-9 * flows.map(abs).reduce(0, +)) }
            case .noRoot:
                Issue.record("no root found for \(c)")
            }
        }
        // Five cases have one root; [-100, 100, 0, -7] and [-5, 10.5, 1, -8, 1] have several.
        #expect(checked == 5)
    }

    @Test("irr of [100, 50, 25] is undefined: no sign change")
    func irrWithoutSignChange() {
        #expect(internalRateOfReturn([100, 50, 25]) == .noSignChange)
        #expect(internalRateOfReturn([100, 50, 25]).metric.number == nil)
    }

    @Test("irr of [-100, 230, -132] reports both roots, 10% and 20%")
    func irrWithTwoRoots() throws {
        guard case .multipleRoots(let roots) = internalRateOfReturn([-100, 230, -132]) else {
            Issue.record("expected two roots"); return
        }
        #expect(roots.count == 2)
        #expect(abs(roots[0] - 0.1) <= 1e-12)
        #expect(abs(roots[1] - 0.2) <= 1e-12)
        let reason = try #require(internalRateOfReturn([-100, 230, -132]).metric.reason)
        #expect(reason.contains("10%") && reason.contains("20%"))
    }

    /// The library has no principal-payment function (the engine never needs one); numpy's `ppmt` is
    /// `pmt - ipmt`, so its case checks the two functions the engine uses together.
    @Test("pmt and ipmt match numpy-financial, and ppmt is pmt - ipmt")
    func annuityCases() throws {
        for c in Case.all where ["pmt", "ppmt", "ipmt"].contains(c.fn) {
            let expected = try #require(c.value)
            let value: Double
            switch c.fn {
            case "pmt":
                value = payment(rate: c.args[0] as! Double, periods: c.args[1] as! Int, presentValue: c.args[2] as! Double)
            case "ppmt":
                let rate = c.args[0] as! Double, period = c.args[1] as! Int, periods = c.args[2] as! Int
                let presentValue = c.args[3] as! Double
                value = payment(rate: rate, periods: periods, presentValue: presentValue)
                    - interestPayment(rate: rate, period: period, periods: periods, presentValue: presentValue)
            default:
                value = interestPayment(rate: c.args[0] as! Double, period: c.args[1] as! Int, periods: c.args[2] as! Int,
                                        presentValue: c.args[3] as! Double)
            }
            #expect(relativeError(value, expected) <= 1e-9, "\(c)")
        }
    }

    @Test("Mid-year discounting reproduces the oracle's manual variant")
    func midYear() throws {
        let c = try #require(Case.all.first { $0.fn == "mid_year_npv_manual" })
        let value = netPresentValue(rate: 0.08, Self.flows(c.args[1]), timing: .midYear)
        #expect(relativeError(value, try #require(c.value)) <= 1e-9)
        // And differs from end-of-year by the half-year factor on every flow after the first.
        let endOfYear = netPresentValue(rate: 0.08, Self.flows(c.args[1]))
        #expect(relativeError(value + 1000, (endOfYear + 1000) * pow(1.08, 0.5)) <= 1e-12)
    }

    @Test("Simple and discounted payback match the interpolated oracle values")
    func payback() throws {
        let simple = try #require(Case.all.first { $0.fn == "simple_payback_years(interp)" })
        let discounted = try #require(Case.all.first { $0.fn == "discounted_payback_years(interp)" })
        let flows = Self.flows(simple.args[0])
        #expect(relativeError(try #require(paybackYears(flows).number), try #require(simple.value)) <= 1e-9)
        #expect(relativeError(try #require(paybackYears(flows, discountRate: 0.08).number), try #require(discounted.value)) <= 1e-9)
    }
}
