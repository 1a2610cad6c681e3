import Foundation

extension LaneModel {
    /// Evaluates eight paths from their uniforms (`u[d]`: dimension `d`, one path per lane; the
    /// drawer may change them in place) and writes each selected metric's lanes into
    /// `out[metric.rawValue]`, NaN where a metric is undefined, as `PathMetric.compute` does.
    ///
    /// One loop over the years computes every line of the pro forma for all eight paths, in the
    /// order `ProFormaEngine.run` computes it for one. Allocates nothing.
    func evaluate(_ u: UnsafeMutablePointer<Lanes>, _ ws: LaneWorkspace, only selected: [PathMetric],
                  into out: UnsafeMutablePointer<Lanes>) {
        applyDraws(u, ws)
        depreciate(ws)
        yearLoop(ws, selected: selected, into: out)
    }

    /// Depreciation of every vintage into `ws.depreciation`, and the book value left, as
    /// `ProFormaEngine.depreciate` and `depreciateVintage` (no capital grants, no construction interest).
    func depreciate(_ ws: LaneWorkspace) {
        let n = yearCount
        for t in 0..<n { ws.depreciation[t] = .zero }
        var bookValue = Lanes.zero
        for v in vintages {
            let asset = model.assetClasses[v.assetClass]
            let basis = ws.capex[v.assetClass * n + v.year]
            let residual = basis * asset.residualRate
            let depreciable = basis - residual
            var book = basis
            let life = asset.lifeYears
            switch asset.method {
            case .straightLine:
                let charge = depreciable / Double(life)
                for t in v.start..<v.end { ws.depreciation[t] += charge; book -= charge }
            case .sumOfYearsDigits:
                let digits = Double(life * (life + 1) / 2)
                for t in v.start..<v.end {
                    let charge = depreciable * Double(life - (t - v.start)) / digits
                    ws.depreciation[t] += charge; book -= charge
                }
            case .decliningBalance(let factor):
                let rate = factor / Double(life)
                for t in v.start..<v.end {
                    let remaining = Double(life - (t - v.start))
                    let charge = laneMin(laneMax(book * rate, (book - residual) / remaining), book - residual)
                    ws.depreciation[t] += charge; book -= charge
                }
            }
            bookValue += book
        }
        ws.bookValue = bookValue
    }
}
