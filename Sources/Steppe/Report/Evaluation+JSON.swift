extension Evaluation {
    /// The evaluation as JSON: `scenario`, `conventions`, `metrics` (numbers or null),
    /// `undefined` (metric -> reason), `cashFlows` (one object per calendar year),
    /// `opexByLine`, `incentivesByItem`, `incentives` (with provenance), `provenance`
    /// (every value taken from the policy catalogue or a zone profile, and every override) and,
    /// with domain modules, `modules` (section -> series -> yearly values).
    /// It contains no timestamps or host details, so equal inputs give equal bytes.
    public var json: JSONValue {
        let m = model
        var metricMembers: [(String, JSONValue)] = []
        var undefined: [(String, JSONValue)] = []
        for (name, value) in metrics.all {
            switch value {
            case .value(let x): metricMembers.append((name, .number(x)))
            case .undefined(let reason):
                metricMembers.append((name, .null))
                undefined.append((name, .string(reason)))
            }
        }
        let rows: [JSONValue] = years.map { y in
            var members: [(String, JSONValue)] = [("year", .number(Double(y.year)))]
            for (key, value) in y.columns { members.append((key, value.map(JSONValue.number) ?? .null)) }
            return .object(members)
        }
        func series(_ items: [(id: String, amounts: [Double])]) -> JSONValue {
            .object(items.map { ($0.id, .array($0.amounts.map(JSONValue.number))) })
        }
        let incentives: [JSONValue] = m.incentives.map { inc in
            var members: [(String, JSONValue)] = [("id", .string(inc.id)), ("title", .string(inc.title))]
            if inc.isTaxPreference { members.append(("taxPreference", .bool(true))) }
            switch inc.provenance {
            case .seed(let document, let lines):
                members.append(("citation", .object([("document", .string(document)), ("lines", .string(lines))])))
            case .assumption(let source):
                members.append(("assumption", .string(source)))
            }
            members.append(("eligibility", (m.incentiveEligibility[inc.id] ?? inc.provenance).eligibilityJSON))
            return .object(members)
        }
        var modules: [(String, JSONValue)] = []
        for series in moduleSeries {
            let entry = (series.name, JSONValue.array(series.values.map(JSONValue.number)))
            if let i = modules.firstIndex(where: { $0.0 == series.module }), case .object(var members) = modules[i].1 {
                members.append(entry); modules[i].1 = .object(members)
            } else {
                modules.append((series.module, .object([entry])))
            }
        }
        var members: [(String, JSONValue)] = [
            ("scenario", .object([
                ("name", .string(m.name)), ("zone", m.zone.map(JSONValue.string) ?? .null),
                ("startYear", .number(Double(m.startYear))),
                ("operationStartYear", .number(Double(m.calendarYear(m.operationStart)))),
                ("endYear", .number(Double(m.calendarYear(m.yearCount - 1)))),
                ("reportUnit", .string(m.reportUnit.rawValue)),
                ("priceUnit", .string(m.priceUnit)),
            ])),
            ("conventions", .object(Conventions.lines(for: m).map { ($0.0, .string($0.1)) })),
            ("metrics", .object(metricMembers)),
            ("undefined", .object(undefined)),
            ("cashFlows", .array(rows)),
            ("opexByLine", series(opexByLine)),
            ("incentivesByItem", series(incentivesByItem)),
            ("incentives", .array(incentives)),
            ("provenance", .array(m.traces.map(\.json))),
        ]
        // The feasibility-study method's indicators and tables, only under conventions other than Steppe's (so other
        // results keep their bytes).
        if m.conventions != .steppe {
            members.append(("feasibilityIndicators", FeasibilityIndicators(self).json))
            members.append(("feasibilityTables", .array(FeasibilityTable.tables(self).map { $0.json(years: years.map(\.year)) })))
        }
        // Modules' yearly physical results (section -> name -> yearly values), only when there are any.
        if !modules.isEmpty { members.append(("modules", .object(modules))) }
        // How each module's section is shown (its charts, table and reference lines such as the cap in force).
        let presentations = moduleReports.compactMap { module, report in report.presentation.map { (module, $0.json) } }
        if !presentations.isEmpty { members.append(("modulePresentation", .object(presentations))) }
        return .object(members)
    }
}

extension Evaluation.Year {
    /// The yearly columns in report order (yuan, except `citRate` and `dscr`).
    public var columns: [(String, Double?)] {
        // Working capital only where the conventions have it, so other results keep their bytes.
        let workingCapitalColumn = workingCapital.map { [("workingCapital", Optional($0))] } ?? []
        return [("revenue", revenue), ("opex", opex), ("incentives", incentives), ("depreciation", depreciation),
         ("interest", interest), ("capitalisedInterest", capitalisedInterest), ("taxableIncome", taxableIncome),
         ("lossCarriedForward", lossCarriedForward), ("citRate", citRate), ("tax", tax), ("unleveredTax", unleveredTax),
         ("vatPaid", vatPaid), ("vatCashCost", vatCashCost), ("surtax", surtax), ("capex", capex),
         ("debtDrawdown", debtDrawdown), ("principal", principal), ("debtService", debtService),
         ("debtBalance", debtBalance), ("cfads", cfads), ("dscr", dscr), ("residualValue", residualValue)]
            + workingCapitalColumn + [("projectCashFlow", projectCashFlow), ("equityCashFlow", equityCashFlow)]
    }
}

extension Provenance {
    /// An incentive's `eligibility` in the evaluation JSON: `{basis: cited, citation}` or
    /// `{basis: assumed, assumption}`, so a report can flag incentives the project may not get.
    var eligibilityJSON: JSONValue {
        switch self {
        case .seed(let document, let lines):
            return .object([("basis", .string("cited")),
                            ("citation", .object([("document", .string(document)), ("lines", .string(lines))]))])
        case .assumption(let source):
            return .object([("basis", .string("assumed")), ("assumption", .string(source))])
        }
    }
}
