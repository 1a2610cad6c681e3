extension Scenario {
    /// Semantic checks that span several keys: references between sections, ranges that
    /// depend on other values, and consistency of years. Field-level type and range checks
    /// happen while reading the file; this catches what a programmatic scenario can get wrong too.
    ///
    /// Each issue names the key path of the offending value.
    public func validate() -> [ScenarioIssue] {
        var issues: [ScenarioIssue] = []
        func fail(_ path: String, _ message: String) { issues.append(ScenarioIssue(keyPath: path, message: message)) }

        let lists: [(String, Int)] = [("assetClasses", assetClasses.count), ("capex", capex.count), ("products", products.count),
                                      ("operatingCosts", operatingCosts.count), ("labour", labour.count),
                                      ("financing.loans", financing.loans.count), ("incentives", incentives.count)]
        for (path, count) in lists where count > Scenario.largestListLength {
            fail(path, Scenario.tooManyEntries(count))
        }
        if currency != "CNY" { fail("currency", "only CNY is supported (got \(currency))") }
        if operatingYears < 1 { fail("operatingYears", "must be at least 1 (got \(operatingYears))") }
        if operatingYears > 200 { fail("operatingYears", "must be at most 200 (got \(operatingYears))") }
        if let op = operationStartYear, op < startYear {
            fail("operationStartYear", "must not be before startYear \(startYear) (got \(op))")
        }
        let opStart = resolvedOperationStartYear
        let lastYear = opStart + operatingYears - 1

        var classIDs = Set<String>()
        for (i, c) in assetClasses.enumerated() {
            if !classIDs.insert(c.id).inserted { fail("assetClasses[\(i)].id", "duplicate asset class id '\(c.id)'") }
            if c.id == Scenario.landUseRightsClassID, land != nil {
                fail("assetClasses[\(i)].id", "'\(c.id)' is reserved for the land section's land-use right")
            }
            if c.lifeYears < 1 { fail("assetClasses[\(i)].lifeYears", "must be at least 1 (got \(c.lifeYears))") }
            if !(0...1).contains(c.residualRate) { fail("assetClasses[\(i)].residualRate", "must be in [0, 1] (got \(c.residualRate))") }
            if case .decliningBalance(let f) = c.depreciation, !(f > 0) {
                fail("assetClasses[\(i)].decliningBalanceFactor", "must be > 0 (got \(f))")
            }
        }
        if land != nil { classIDs.insert(Scenario.landUseRightsClassID) }

        for (i, item) in capex.enumerated() {
            if !classIDs.contains(item.assetClass) {
                fail("capex[\(i)].assetClass", "unknown asset class '\(item.assetClass)'\(suggestion(item.assetClass, classIDs))")
            }
            if item.year < startYear || item.year > lastYear {
                fail("capex[\(i)].year", "must be within the project years \(startYear)-\(lastYear) (got \(item.year))")
            }
        }

        var productIDs = Set<String>()
        for (i, p) in products.enumerated() where !productIDs.insert(p.id).inserted {
            fail("products[\(i)].id", "duplicate product id '\(p.id)'")
        }
        if products.isEmpty { fail("products", "at least one product is required") }

        var costIDs = Set<String>()
        for (i, c) in operatingCosts.enumerated() {
            if !costIDs.insert(c.id).inserted { fail("operatingCosts[\(i)].id", "duplicate cost id '\(c.id)'") }
            if case .perUnit(let product, _) = c.driver, !productIDs.contains(product) {
                fail("operatingCosts[\(i)].perUnitOf", "unknown product '\(product)'\(suggestion(product, productIDs))")
            }
        }
        if case .lease = land { costIDs.insert(Scenario.landLeaseCostID) }

        var roles = Set<String>()
        for (i, s) in labour.enumerated() where !roles.insert(s.role).inserted {
            fail("labour[\(i)].role", "duplicate role '\(s.role)'")
        }

        if case .purchase(_, _, _, let year?) = land, year < startYear || year > lastYear {
            fail("land.year", "must be within the project years \(startYear)-\(lastYear) (got \(year))")
        }

        var loanIDs = Set<String>()
        var fixedShare = 0.0
        var sculpted = 0
        for (i, loan) in financing.loans.enumerated() {
            if !loanIDs.insert(loan.id).inserted { fail("financing.loans[\(i)].id", "duplicate loan id '\(loan.id)'") }
            if loan.graceYears >= loan.tenorYears {
                fail("financing.loans[\(i)].graceYears", "must be less than tenorYears \(loan.tenorYears) (got \(loan.graceYears))")
            }
            if loan.repayment == .sculpted {
                sculpted += 1
                if loan.targetDSCR == nil { fail("financing.loans[\(i)].targetDSCR", "is required for a sculpted loan") }
                if loan.maxGearing == nil { fail("financing.loans[\(i)].maxGearing", "is required for a sculpted loan") }
            } else {
                fixedShare += loan.share
            }
        }
        if sculpted > 1 { fail("financing.loans", "at most one loan may be sculpted (got \(sculpted))") }
        if fixedShare > 1 + 1e-12 {
            fail("financing.loans", "the shares of the fixed-share loans add up to \(fixedShare), more than 1")
        }
        if financing.loans.contains(where: { $0.repayment != .sculpted }), financing.equityShare >= 1 {
            fail("financing.equityShare", "must be below 1 when a fixed-share loan exists (got \(financing.equityShare))")
        }

        let holidays = incentives.filter { if case .taxHoliday = $0.kind { return $0.enabled }; return false }
        if holidays.count > 1 {
            fail("incentives", "at most one tax holiday may be enabled (got \(holidays.map(\.id).joined(separator: ", ")))")
        }
        if tax.exemptIncomeUsesLosses == false,
           let fromProfit = holidays.first(where: { if case .taxHoliday(_, _, _, .firstProfitYear) = $0.kind { true } else { false } }) {
            fail("tax.exemptIncomeUsesLosses", "false needs a holiday counted from firstRevenueYear: '\(fromProfit.id)' counts from the first profit year, whose exemption applies to the tax after losses are offset (CIT return A100000 line 21 before the A107040 reduction), so its exempt income always uses them up")
        }
        var groupRules: [String: Incentive.StackingRule] = [:]
        var incentiveIDs = Set<String>()
        for (i, inc) in incentives.enumerated() {
            let path = "incentives[\(i)]"
            if !incentiveIDs.insert(inc.id).inserted { fail("\(path).id", "duplicate incentive id '\(inc.id)'") }
            if let from = inc.validFrom, let to = inc.validTo, to < from {
                fail("\(path).validTo", "must not be before validFrom \(from) (got \(to))")
            }
            if inc.isTaxPreference, inc.stackingRule == .highest {
                fail("\(path).stackingRule", "a tax preference cannot be in a 'highest' group: lower CIT rates already apply choose-one")
            }
            if let group = inc.stackingGroup {
                if let rule = groupRules[group], rule != inc.stackingRule {
                    fail("\(path).stackingRule", "stacking group '\(group)' already uses rule '\(rule.rawValue)'")
                } else {
                    groupRules[group] = inc.stackingRule
                }
            }
            for reference in inc.references {
                let names = switch reference.list {
                case .product: productIDs
                case .assetClass: classIDs
                case .loan: loanIDs
                case .operatingCost: costIDs
                case .staffRole: roles
                }
                if !names.contains(reference.name) {
                    fail("\(path).\(reference.key)", "unknown \(reference.list.rawValue) '\(reference.name)'\(suggestion(reference.name, names))")
                }
            }
            // The rules of one kind beyond the names it gives.
            switch inc.kind {
            case .capitalGrant(let share, let amount, _):
                if (share == nil) == (amount == nil) { fail(path, "a capital grant needs exactly one of 'share' and 'amount'") }
            case .inputPrice(let line, let discount, let override):
                if (discount == nil) == (override == nil) { fail(path, "an input-price incentive needs exactly one of 'discountPerUnit' and 'overridePrice'") }
                if let cost = operatingCosts.first(where: { $0.id == line }), case .annual = cost.driver, cost.unit == "yuan" {
                    fail("\(path).costLine", "'\(line)' is an amount in yuan, not a quantity with a price per unit; a per-unit discount or price does not apply (units mismatch)")
                }
            case .taxRate(let rate):
                if rate > tax.citRate { fail("\(path).rate", "a reduced rate above the statutory \(tax.citRate) is not a preference (got \(rate))") }
            case .scheduledAward(let byYear):
                for year in byYear.keys.sorted() where year < startYear || year > lastYear {
                    fail("\(path).amounts", "year \(year) is outside the project years \(startYear)-\(lastYear)")
                }
            default:
                break
            }
        }
        return issues
    }

    /// The largest magnitude a number of a scenario may have: beyond it no project quantity is
    /// meaningful, and products of such numbers could overflow.
    public static let largestNumber = 1e15

    /// The most entries a list of a scenario (products, costs, capex, loans, …) may have. Why: a
    /// million products took a minute and 1.9 GB per evaluation; no real project lists more than this.
    public static let largestListLength = 1000

    /// The message for a list of `count` entries, more than `largestListLength`.
    static func tooManyEntries(_ count: Int) -> String {
        "at most \(largestListLength) entries (got \(count)); a larger model would take minutes per evaluation"
    }

    /// The class id under which a purchased land-use right is amortised.
    public static let landUseRightsClassID = "land-use-rights"
    /// The cost line id of a land lease.
    public static let landLeaseCostID = "land-lease"

    /// The first operating year: as given, or the year after the run of consecutive
    /// capex years that begins at `startYear` (a later replacement does not delay it).
    public var resolvedOperationStartYear: Int {
        if let operationStartYear { return operationStartYear }
        var capexYears = Set(capex.map(\.year))
        if case .purchase(_, _, _, let year) = land { capexYears.insert(year ?? startYear) }
        var year = startYear
        while capexYears.contains(year) { year += 1 }
        return year
    }
}

/// ", did you mean 'x'?" for the closest known name, or "" when nothing is close.
func suggestion<S: Sequence>(_ name: String, _ known: S) -> String where S.Element == String {
    guard let best = closestMatch(to: name, in: known) else { return "" }
    return "; did you mean '\(best)'?"
}

/// The known name within edit distance max(2, n/3) of `name`, if any.
func closestMatch<S: Sequence>(to name: String, in known: S) -> String? where S.Element == String {
    var best: (String, Int)?
    let limit = max(2, name.count / 3)
    for candidate in known {
        let d = editDistance(name.lowercased(), candidate.lowercased())
        if d <= limit, d < (best?.1 ?? .max) { best = (candidate, d) }
    }
    return best?.0
}

/// Levenshtein distance.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
