import Testing
@testable import Steppe
import SteppeCLI

/// Bad input gives one line per problem naming the file, the line and the key path, and exit status 1.
@Suite("Scenario file errors")
struct ScenarioErrorTests {
    static let valid = """
        name: errors
        startYear: 2026
        operatingYears: 10
        assetClasses:
          - {id: plant, lifeYears: 10}
        capex:
          - {year: 2026, assetClass: plant, amount: 1000}
        products:
          - {id: widget, unit: unit, quantity: 10, price: 100}
        discounting: {projectRate: 0.08, equityRate: 0.08}
        """

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let yaml: String
        /// The whole expected error line.
        let expected: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "unknown key",
             yaml: valid.replacingOccurrences(of: "operatingYears: 10", with: "operatingYears: 10\noperatingYear: 12"),
             expected: "bad.yaml:4:1: operatingYear: unknown key; did you mean 'operatingYears'?"),
        Case(name: "wrong type",
             yaml: valid.replacingOccurrences(of: "startYear: 2026", with: "startYear: next year"),
             expected: "bad.yaml:2:12: startYear: expected a whole number, got 'next year'"),
        Case(name: "negative life",
             yaml: valid.replacingOccurrences(of: "lifeYears: 10", with: "lifeYears: -3"),
             expected: "bad.yaml:5:28: assetClasses[0].lifeYears: must be >= 1 (got -3)"),
        Case(name: "negative operating years",
             yaml: valid.replacingOccurrences(of: "operatingYears: 10", with: "operatingYears: -1"),
             expected: "bad.yaml:3:17: operatingYears: must be >= 1 (got -1)"),
        Case(name: "missing required field",
             yaml: valid.replacingOccurrences(of: "name: errors\n", with: ""),
             expected: "bad.yaml:1:1: name: missing required key"),
        Case(name: "unparseable YAML",
             yaml: valid.replacingOccurrences(of: "capex:", with: "capex: [unclosed"),
             expected: "bad.yaml:7:5: not valid YAML/JSON: while parsing a flow sequence (line 6): did not find expected ',' or ']'"),
        Case(name: "unknown reference with suggestion",
             yaml: valid.replacingOccurrences(of: "assetClass: plant", with: "assetClass: plnt"),
             expected: "bad.yaml:7:30: capex[0].assetClass: unknown asset class 'plnt'; did you mean 'plant'?"),
        Case(name: "rate below -100%",
             yaml: valid.replacingOccurrences(of: "projectRate: 0.08", with: "projectRate: -1.5"),
             expected: "bad.yaml:10:28: discounting.projectRate: must be >= -0.5 (got -1.5)"),
        Case(name: "discount rate a hair above -100% (discount factors beyond any double)",
             yaml: valid.replacingOccurrences(of: "projectRate: 0.08", with: "projectRate: -0.9999999999999999"),
             expected: "bad.yaml:10:28: discounting.projectRate: must be >= -0.5 (got -0.9999999999999999)"),
        Case(name: "loan rate of 1e15",
             yaml: valid.replacingOccurrences(of: "discounting:", with: "financing: {equityShare: 0.3, loans: [{id: bank, share: 0.7, rate: 1e15, tenorYears: 5, repayment: annuity}]}\ndiscounting:"),
             expected: "bad.yaml:10:68: financing.loans[0].rate: must be <= 1 (got 1e15)"),
        Case(name: "escalation of 1e6",
             yaml: valid.replacingOccurrences(of: "price: 100}", with: "price: 100, escalation: 1e6}"),
             expected: "bad.yaml:9:68: products[0].escalation: must be <= 1 (got 1e6)"),
        Case(name: "lognormal per-year multiplier with sigma 300",
             yaml: valid.replacingOccurrences(of: "price: 100}", with: "price: {perYearMultiplier: {distribution: lognormal, mu: 0, sigma: 300}, base: 100}}"),
             expected: "bad.yaml:9:71: products[0].price.perYearMultiplier: lognormal needs sigma <= 5, the sd of ln X (got 300); a larger one makes draws beyond any double"),
        Case(name: "more products than a scenario may list",
             yaml: valid.replacingOccurrences(of: "products:\n", with: "products:\n" + (0...1000).map { "  - {id: p\($0), unit: unit, quantity: 1, price: 1}\n" }.joined()),
             expected: "bad.yaml:9:3: products: at most 1000 entries (got 1002); a larger model would take minutes per evaluation"),
        Case(name: "magnitude beyond 1e15",
             yaml: valid.replacingOccurrences(of: "quantity: 10", with: "quantity: 1e16"),
             expected: "bad.yaml:9:40: products[0].quantity: must be at most 1e15 in magnitude (got 1e16)"),
        Case(name: "duplicate id",
             yaml: valid.replacingOccurrences(of: "  - {id: plant, lifeYears: 10}", with: "  - {id: plant, lifeYears: 10}\n  - {id: plant, lifeYears: 5}"),
             expected: "bad.yaml:6:10: assetClasses[1].id: duplicate asset class id 'plant'"),
        Case(name: "validity window before the project",
             yaml: valid + "\nincentives:\n  - {id: a, kind: annualAward, amountPerYear: 1, validTo: 2020, assumption: test}\n",
             expected: "bad.yaml:12:59: incentives[0].validTo: the validity ends before the project starts in 2026 (got 2020)"),
        Case(name: "units mismatch",
             yaml: valid + "\noperatingCosts:\n  - {id: om, annualAmount: 100}\nincentives:\n  - {id: a, kind: inputPrice, costLine: om, discountPerUnit: 1, assumption: test}\n",
             expected: "bad.yaml:14:41: incentives[0].costLine: 'om' is an amount in yuan, not a quantity with a price per unit; a per-unit discount or price does not apply (units mismatch)"),
        Case(name: "missing citation",
             yaml: valid + "\nincentives:\n  - {id: a, kind: annualAward, amountPerYear: 1}\n",
             expected: "bad.yaml:12:5: incentives[0].citation: missing: every incentive needs a citation {document, lines} or an assumption naming its source"),
        Case(name: "quoted number is a string",
             yaml: valid.replacingOccurrences(of: "price: 100", with: "price: \"100\""),
             expected: "bad.yaml:9:51: products[0].price: expected a number, got the string \"100\""),
    ]

    @Test("Each error is one line naming file, line and key path, with exit status 1", arguments: cases)
    func errorLine(_ c: Case) throws {
        let path = try temporaryFile(named: "bad.yaml", c.yaml)
        let result = SteppeCommand.run(["validate", path])
        #expect(result.status == 1)
        #expect(result.standardOutput.isEmpty)
        let lines = result.standardError.split(separator: "\n").map(String.init)
        #expect(lines == [c.expected])
    }

    @Test("The valid base scenario of these cases passes validation")
    func baseIsValid() throws {
        let path = try temporaryFile(named: "good.yaml", Self.valid)
        let result = SteppeCommand.run(["validate", path])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix(path + ": ok"))
    }

    @Test("All errors of a file are reported at once, in document order")
    func allErrorsAtOnce() throws {
        let yaml = Self.valid
            .replacingOccurrences(of: "startYear: 2026", with: "startYear: soon")
            .replacingOccurrences(of: "lifeYears: 10", with: "lifeYears: 0")
            .replacingOccurrences(of: "equityRate: 0.08", with: "equityRate: 0.08, timing: midyear")
        let result = SteppeCommand.run(["validate", try temporaryFile(named: "bad.yaml", yaml)])
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[2].contains("discounting.timing: 'midyear' is not one of endOfYear, midYear; did you mean 'midYear'?"))
    }

    @Test("A missing file is reported with exit status 1")
    func missingFile() {
        let result = SteppeCommand.run(["evaluate", "/nonexistent/scenario.yaml"])
        #expect(result.status == 1)
        #expect(result.standardError == "/nonexistent/scenario.yaml: no such file\n")
    }

    @Test("JSON files are read with line numbers too")
    func jsonErrors() throws {
        let json = """
        {
          "name": "json",
          "startYear": 2026,
          "operatingYears": "ten",
          "assetClasses": [],
          "capex": [],
          "products": [{"id": "w", "unit": "u", "quantity": 1, "price": 1}],
          "discounting": {"projectRate": 0.08, "equityRate": 0.08}
        }
        """
        let result = SteppeCommand.run(["validate", try temporaryFile(named: "bad.json", json)])
        #expect(result.status == 1)
        #expect(result.standardError == "bad.json:4:21: operatingYears: expected a whole number, got the string \"ten\"\n")
    }

    @Test("Semantic errors found after reading still name the line of their key")
    func semanticErrorLine() throws {
        let yaml = Self.valid + """

            financing:
              equityShare: 0.3
              loans:
                - {id: a, rate: 0.05, tenorYears: 5, graceYears: 5, repayment: annuity}
            """
        let result = SteppeCommand.run(["validate", try temporaryFile(named: "bad.yaml", yaml)])
        #expect(result.standardError == "bad.yaml:14:54: financing.loans[0].graceYears: must be less than tenorYears 5 (got 5)\n")
    }
}
