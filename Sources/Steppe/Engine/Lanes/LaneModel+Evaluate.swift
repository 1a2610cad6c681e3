import Foundation

extension LaneModel {
    /// Evaluates eight paths from their uniforms (`u[d]`: dimension `d`, one path per lane; the
    /// drawer may change them in place) and writes each selected metric's lanes into
    /// `out[metric.rawValue]`, NaN where a metric is undefined. `firstPath` names the first lane's
    /// path (the others follow it), for inputs keyed by path rather than by uniforms (per-path weather);
    /// with `samePathInEveryLane`, every lane holds that one path (the modules' per-path models run once).
    ///
    /// One loop over the years computes every line of the pro forma for all eight paths: draws,
    /// loans, incentives, depreciation, then the year loop (operating lines, VAT, CIT, cash flows,
    /// metrics). A sculpted loan is first sized by iterating the pro forma (`sizeSculptedLoan`).
    /// Allocates nothing.
    func evaluate(_ u: UnsafeMutablePointer<Lanes>, _ ws: LaneWorkspace, firstPath: Int? = nil, samePathInEveryLane: Bool = false,
                  only selected: [PathMetric], into out: UnsafeMutablePointer<Lanes>) {
        applyDraws(u, ws, firstPath: firstPath, samePathInEveryLane: samePathInEveryLane)
        if sculpted != nil { sizeSculptedLoan(ws) }
        evaluateDrawn(ws, only: selected, into: out)
    }

    /// The pro forma of the inputs in `ws` (after the draws and the sculpted loan's sizing).
    /// Records every yearly line when the workspace has a record.
    func evaluateDrawn(_ ws: LaneWorkspace, only selected: [PathMetric], into out: UnsafeMutablePointer<Lanes>) {
        if ws.record != nil {
            evaluateDrawn(ws, only: selected, into: out, KeepsLines.self)
        } else {
            evaluateDrawn(ws, only: selected, into: out, KeepsMetrics.self)
        }
    }

    func evaluateDrawn<R: LaneRecording>(_ ws: LaneWorkspace, only selected: [PathMetric],
                                                 into out: UnsafeMutablePointer<Lanes>, _ recording: R.Type) {
        if schedulesLoansFirst { scheduleLoans(ws, recording) }
        incentiveAmounts(ws)
        depreciate(ws)
        if model.conventions.workingCapital != nil {
            yearLoop(ws, selected: selected, into: out, recording, WithWorkingCapital.self)
        } else {
            yearLoop(ws, selected: selected, into: out, recording, WithoutWorkingCapital.self)
        }
    }

    /// Depreciation of every capex vintage into `ws.depreciation`, and the book value left
    /// (construction interest comes later, in the year loop). A recording evaluation also writes each
    /// class's depreciation apart (`LaneRecord.depreciationByClass`), by the same function on the same basis.
    func depreciate(_ ws: LaneWorkspace) {
        let n = yearCount
        for t in 0..<n { ws.depreciation[t] = .zero }
        if let r = ws.record { for i in r.depreciationByClass.indices { r.depreciationByClass[i] = .zero } }
        var bookValue = Lanes.zero
        for v in vintages {
            let b = basis(of: v, ws)
            bookValue += depreciateClassVintage(basis: b, assetClass: v.assetClass, start: v.start, end: v.end, into: ws.depreciation)
            if let r = ws.record {
                let row = UnsafeMutableBufferPointer(rebasing: r.depreciationByClass[(v.assetClass * n)..<((v.assetClass + 1) * n)])
                _ = depreciateClassVintage(basis: b, assetClass: v.assetClass, start: v.start, end: v.end, into: row)
            }
        }
        ws.bookValue = bookValue
    }

    /// A vintage's depreciable basis: its capex less the capital grants that reduce the basis, in
    /// incentive order; a share grant reduces the vintages of its year, a fixed-amount grant all
    /// vintages of its classes, each pro rata to capex.
    private func basis(of v: Vintage, _ ws: LaneWorkspace) -> Lanes {
        let n = yearCount, classes = model.assetClasses.count
        let capex = ws.capex[v.assetClass * n + v.year]
        var basis = capex
        for g in cashIncentives where g.reducesDepreciableBasis {
            let row = ws.incentiveAmount.baseAddress! + g.index * n
            switch g.source {
            case .grantShare where ws.masks[g.membership + v.assetClass]:
                let grant = row[v.year]
                var eligible = Lanes.zero
                for c in 0..<classes where ws.masks[g.membership + c] { eligible += ws.capex[c * n + v.year] }
                basis.replace(with: basis - grant * capex / eligible, where: (grant .!= 0) .& (eligible .> 0))
            case .grantAmount where ws.masks[g.membership + v.assetClass]:
                var grant = Lanes.zero, eligible = Lanes.zero
                for t in 0..<n {
                    grant += row[t]
                    for c in 0..<classes where ws.masks[g.membership + c] { eligible += ws.capex[c * n + t] }
                }
                basis.replace(with: basis - grant * capex / eligible, where: (grant .!= 0) .& (eligible .> 0))
            default:
                continue
            }
        }
        return basis
    }

    /// `depreciateVintage` with the method, life and residual rate of the vintage's class, in lanes: adds its charges to `schedule` from `start`
    /// up to `end` and returns the book value left. A lane whose basis is 0 adds zeros and keeps 0,
    /// as the scalar function, which returns at once.
    @inline(__always)
    func depreciateClassVintage(basis: Lanes, assetClass c: Int, start: Int, end: Int, into schedule: UnsafeMutableBufferPointer<Lanes>) -> Lanes {
        // Fields, not the class: binding a `CompiledAssetClass` would retain its id string.
        return depreciateVintage(basis: basis, start: start, end: end, method: model.assetClasses[c].method,
                                        lifeYears: model.assetClasses[c].lifeYears, residualRate: model.assetClasses[c].residualRate,
                                        into: schedule.baseAddress!)
    }

    /// Depreciation of the interest capitalised during construction, placed in service in the first
    /// operating year and shared among the classes that take it by their construction capex (the
    /// into `ws.depreciationOfInterest`; returns the book value left.
    func depreciateConstructionInterest(_ capitalised: Lanes, interestBearingCapex: Lanes, _ ws: LaneWorkspace) -> Lanes {
        let n = yearCount, op = operationStart
        for t in 0..<n { ws.depreciationOfInterest[t] = .zero }
        var book = Lanes.zero
        let applies = (capitalised .!= 0) .& (interestBearingCapex .> 0)
        guard laneAny(applies) else { return book }
        for c in model.assetClasses.indices where model.assetClasses[c].takesCapitalisedInterest {
            var constructionCapex = Lanes.zero
            for t in 0..<op { constructionCapex += ws.capex[c * n + t] }
            let share = Lanes.zero.replacing(with: capitalised * constructionCapex / interestBearingCapex, where: applies)
            let life = model.assetClasses[c].lifeYears
            let end = life > 0 ? min(op + life, n) : op
            book += depreciateClassVintage(basis: share, assetClass: c, start: op, end: end, into: ws.depreciationOfInterest)
        }
        return book
    }
}
