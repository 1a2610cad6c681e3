/// The `talent:` section: a staffing plan of hire cohorts by category and tier, with wages and
/// attrition, and the Ordos city and Ejin Horo Banner talent allowances they qualify for.
///
/// Contributions (before compilation):
/// - one staff group `talent:ID` per cohort (head count after attrition, wage, on-costs);
/// - one `scheduledAward` incentive per allowance that pays anything, with its citation: paid
///   to the firm in full, or to staff, of which only `passThroughShare` reaches the firm (as a
///   lower wage bill, so it is taxed); firm caps per year and in all are the incentive's caps.
///
/// Stacking: for each cohort, within a benefit family (settling-in and housing, hiring living
/// subsidy, retention, employer award, flexible hire, post allowance) only the item with the
/// largest total is paid (就高、不重复, 002 L9175-9177; 从优，就高、不叠加, L10387-10391); families add.
/// Allowances paid to staff do not lower the firm's cost unless passed through: the default share
/// is 0, because the seeds pay them to the person (a pre-tax amount, L9185, L10394).
public struct TalentModule: ScenarioModule {
    public static let sectionKey = "talent"

    /// The city alone (a site elsewhere in Ordos) or the city plus the Ejin Horo Banner supplement.
    public var jurisdiction: TalentAllowance.Jurisdiction
    public var context: TalentAllowance.Context
    /// Share of the allowances paid to staff that lowers the firm's wage cost (0: none, 1: all).
    public var passThroughShare: Double
    public var cohorts: [TalentCohort]
    public var allowances: [TalentAllowance]

    public init(jurisdiction: TalentAllowance.Jurisdiction = .ejinHoro, context: TalentAllowance.Context = .init(),
                passThroughShare: Double = 0, cohorts: [TalentCohort], allowances: [TalentAllowance]) {
        self.jurisdiction = jurisdiction; self.context = context; self.passThroughShare = passThroughShare
        self.cohorts = cohorts; self.allowances = allowances
    }

    /// One allowance paid to one cohort: gross yuan per project year (index 0 = `startYear`).
    public struct Award: Sendable, Equatable {
        public var cohort: Int
        public var allowance: Int
        public var amounts: [Double]
    }

    /// The allowances each cohort receives after the highest-per-family rule, in project years.
    ///
    /// - Complexity: O(cohorts × allowances × years).
    public func awards(for scenario: Scenario) -> [Award] {
        let first = scenario.resolvedOperationStartYear
        let n = first - scenario.startYear + scenario.operatingYears
        var out: [Award] = []
        for (c, cohort) in cohorts.enumerated() {
            func wage(_ year: Int) -> Double { cohort.annualWage * Double.pow1p(cohort.escalation, year - first) }
            var best: [String: (index: Int, amounts: [Double], total: Double)] = [:]
            var order: [String] = []
            for (a, allowance) in allowances.enumerated() where jurisdiction == .ejinHoro || allowance.jurisdiction == .ordos {
                let amounts = allowance.amounts(for: cohort, context: context, firstYear: scenario.startYear, count: n, wage: wage)
                let total = amounts.reduce(0, +)
                guard total > 0 else { continue }
                if let current = best[allowance.family] {
                    if total > current.total { best[allowance.family] = (a, amounts, total) }
                } else {
                    best[allowance.family] = (a, amounts, total); order.append(allowance.family)
                }
            }
            for family in order { let b = best[family]!; out.append(Award(cohort: c, allowance: b.index, amounts: b.amounts)) }
        }
        return out
    }

    static func role(_ cohort: TalentCohort) -> String { "talent:\(cohort.id)" }

    public func contribute(to scenario: inout Scenario) throws(ScenarioErrors) -> ModuleReport {
        let key = Self.sectionKey
        let first = scenario.resolvedOperationStartYear, last = first + scenario.operatingYears - 1
        var issues: [ScenarioIssue] = []
        var ids = Set<String>()
        for (i, cohort) in cohorts.enumerated() {
            if !ids.insert(cohort.id).inserted { issues.append(ScenarioIssue(keyPath: "\(key).hires[\(i)].id", message: "duplicate hire id '\(cohort.id)'")) }
            if cohort.year < first || cohort.year > last {
                issues.append(ScenarioIssue(keyPath: "\(key).hires[\(i)].year", message: "must be within the operating years \(first)-\(last) (got \(cohort.year))"))
            }
            if scenario.labour.contains(where: { $0.role == Self.role(cohort) }) {
                issues.append(ScenarioIssue(keyPath: "labour", message: "the talent section supplies the staff group '\(Self.role(cohort))'; remove it from labour"))
            }
        }
        if !issues.isEmpty { throw ScenarioErrors(issues) }

        for cohort in cohorts {
            let heads = (0..<scenario.operatingYears).map { cohort.present(first + $0 - cohort.year) }
            scenario.labour.append(StaffGroup(role: Self.role(cohort), headcount: YearlyValue(heads.isEmpty ? [0] : heads),
                                              annualWage: cohort.annualWage, onCostRate: cohort.onCostRate, escalation: cohort.escalation))
        }
        let awards = awards(for: scenario)
        for (a, allowance) in allowances.enumerated() {
            var byYear: [Int: Double] = [:]
            for award in awards where award.allowance == a {
                for (t, x) in award.amounts.enumerated() where x > 0 { byYear[scenario.startYear + t, default: 0] += x }
            }
            guard !byYear.isEmpty else { continue }
            scenario.incentives.append(Incentive(
                id: allowance.id, title: allowance.title, kind: .scheduledAward(amountByYear: byYear),
                capPerYear: allowance.firmCapPerYear, capTotal: allowance.firmCapTotal,
                payee: allowance.payee == .firm ? .firm : .employee(passThroughShare: passThroughShare),
                provenance: allowance.provenance))
        }
        return report(awards, scenario: scenario)
    }

    /// Per category: staff, yuan to staff and to the firm (gross, before firm caps and pass-through);
    /// per allowance: gross yuan; from the awards the lines came from.
    func report(_ awards: [Award], scenario: Scenario) -> ModuleReport {
        let first = scenario.resolvedOperationStartYear
        let n = first - scenario.startYear + scenario.operatingYears
        var out: [ModuleReport.Series] = []
        for category in TalentCategory.allCases where cohorts.contains(where: { $0.category == category }) {
            let members = cohorts.indices.filter { cohorts[$0].category == category }
            var staff = Array(repeating: 0.0, count: n), toStaff = staff, toFirm = staff
            for c in members {
                for t in 0..<n where scenario.startYear + t >= first { staff[t] += cohorts[c].present(scenario.startYear + t - cohorts[c].year) }
            }
            for award in awards where members.contains(award.cohort) {
                for t in 0..<n {
                    if allowances[award.allowance].payee == .firm { toFirm[t] += award.amounts[t] } else { toStaff[t] += award.amounts[t] }
                }
            }
            out += [.init("staff:\(category.rawValue)", staff), .init("toStaff:\(category.rawValue)", toStaff), .init("toFirm:\(category.rawValue)", toFirm)]
        }
        for (a, allowance) in allowances.enumerated() where awards.contains(where: { $0.allowance == a }) {
            var total = Array(repeating: 0.0, count: n)
            for award in awards where award.allowance == a { for t in 0..<n { total[t] += award.amounts[t] } }
            out.append(.init("allowance:\(allowance.id)", total))
        }
        return ModuleReport(series: out)
    }
}
