extension ProFormaEngine {
    /// Depreciation of every vintage of every asset class, and the book value left at the end.
    ///
    /// The basis of a vintage is its capex less the capital grants that reduce the
    /// depreciable basis: a share grant reduces the vintages of its year, a fixed-amount
    /// grant all vintages of its classes pro rata. Capitalised construction interest is
    /// one more vintage per class, placed in service in the first operating year and
    /// tracked apart so the unlevered tax can leave it out.
    static func depreciate(_ m: CompiledModel, _ ws: inout Workspace) {
        let n = m.yearCount, op = m.operationStart
        let classes = m.assetClasses.count
        for c in 0..<classes { for t in 0..<n { ws.basis[c, t] = m.capex[c, t] } }

        for i in m.incentives.indices where m.incentives[i].reducesDepreciableBasis {
            switch m.incentives[i].kind {
            case .capitalGrantShare(_, let mask):
                for t in 0..<n {
                    let grant = ws.incentiveByItem[i, t]
                    guard grant != 0 else { continue }
                    var eligible = 0.0
                    for c in 0..<classes where mask[c] { eligible += m.capex[c, t] }
                    guard eligible > 0 else { continue }
                    for c in 0..<classes where mask[c] { ws.basis[c, t] -= grant * m.capex[c, t] / eligible }
                }
            case .capitalGrantAmount(_, let mask):
                var grant = 0.0, eligible = 0.0
                for t in 0..<n {
                    grant += ws.incentiveByItem[i, t]
                    for c in 0..<classes where mask[c] { eligible += m.capex[c, t] }
                }
                guard grant != 0, eligible > 0 else { continue }
                for c in 0..<classes where mask[c] {
                    for t in 0..<n { ws.basis[c, t] -= grant * m.capex[c, t] / eligible }
                }
            default:
                continue
            }
        }

        var capitalisedInterest = 0.0, interestBearingCapex = 0.0
        for t in 0..<op {
            capitalisedInterest += ws.interestCapitalised[t]
            for c in 0..<classes where m.assetClasses[c].takesCapitalisedInterest { interestBearingCapex += m.capex[c, t] }
        }

        for t in 0..<n { ws.depreciation[t] = 0; ws.depreciationOfInterest[t] = 0; ws.residualValue[t] = 0; ws.residualValueOfInterest[t] = 0 }
        var bookValue = 0.0, bookValueOfInterest = 0.0
        for c in 0..<classes {
            // Fields, not the class: binding a `CompiledAssetClass` would copy its id string on every path.
            let method = m.assetClasses[c].method, life = m.assetClasses[c].lifeYears
            let residualRate = m.assetClasses[c].residualRate
            for t in 0..<n where ws.basis[c, t] != 0 {
                bookValue += depreciateVintage(basis: ws.basis[c, t], start: max(t + 1, op), method: method,
                                               lifeYears: life, residualRate: residualRate, into: &ws.depreciation)
            }
            if m.assetClasses[c].takesCapitalisedInterest && capitalisedInterest != 0 && interestBearingCapex > 0 {
                var constructionCapex = 0.0
                for t in 0..<op { constructionCapex += m.capex[c, t] }
                let share = capitalisedInterest * constructionCapex / interestBearingCapex
                bookValueOfInterest += depreciateVintage(basis: share, start: op, method: method, lifeYears: life,
                                                         residualRate: residualRate, into: &ws.depreciationOfInterest)
            }
        }
        for t in 0..<n { ws.depreciation[t] += ws.depreciationOfInterest[t] }
        if m.recoverResidualValue {
            ws.residualValue[n - 1] = bookValue + bookValueOfInterest
            ws.residualValueOfInterest[n - 1] = bookValueOfInterest
        }
    }
}
