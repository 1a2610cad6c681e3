import Foundation

extension LaneModel {
    /// Sets the inputs of eight paths in `ws` from their uniforms (`u[d]` holds dimension `d` of
    /// each lane's path), as `StochasticModel` describes: every entry a draw changes is reset from
    /// the base model, the copula correlates the uniforms, each input's draw is applied, then the
    /// policy events. Lane by lane where a step has no lane form (delays, `.general` distributions).
    /// With modules' per-path models and `firstPath` (the first lane's path), each lane's module lines
    /// (its dispatch with its weather and plant) are written after the reset and the copula (a drawn plant
    /// number may be correlated), so the draws act on them.
    func applyDraws(_ u: UnsafeMutablePointer<Lanes>, _ ws: LaneWorkspace, firstPath: Int? = nil, samePathInEveryLane: Bool = false) {
        let base = model, n = yearCount, op = operationStart
        resetDrawnEntries(ws)

        // The copula acts on each path's uniforms alone, all eight lanes at once.
        if let correlation = drawer.correlation { correlation.apply(lanes: u) }
        if !pathModels.isEmpty, let firstPath {
            for (i, pathModel) in pathModels.enumerated() {
                if samePathInEveryLane {
                    pathModel.applyOne(path: firstPath, uniforms: u, worker: ws.pathWorkers[i], ws)
                } else {
                    pathModel.apply(firstPath: firstPath, uniforms: u, worker: ws.pathWorkers[i], ws)
                }
            }
        }
        // Plain records read in place: a `StochasticModel.Draw` holds references, and copying one
        // retained and released them on every group of paths.
        let draws = ws.draws
        for k in draws.indices {
            let draw = draws.baseAddress! + k
            let d = draw.pointee.firstDimension, target = draw.pointee.target
            switch draw.pointee.form {
            case .value:
                applyValue(quantile(of: draw, k, u[d]), target, base: draw.pointee.base, ws)
            case .perYearMultiplier:
                for t in op..<n { multiply(quantile(of: draw, k, u[d + t - op]), year: t, target, ws) }
            case .process:
                guard case .process(let process) = drawer.draws[k].kind else { continue }
                // The operating-year uniforms become standard normals, then the process's multipliers,
                // in place, all lanes at once (each lane as `multipliers(fromUniformsInPlace:)` on its path).
                for y in 0..<(n - op) { u[d + y] = StandardNormal.quantile(u[d + y]) }
                process.multipliers(normals: u + d, into: u + d, count: n - op)
                for t in op..<n { multiply(u[d + t - op], year: t, target, ws) }
            }
        }

        guard drawer.appliesPolicyRisks else { return }
        let risks = ws.risks
        for r in risks.indices {
            let risk = risks.baseAddress! + r
            let i = risk.pointee.incentive, d = risk.pointee.firstDimension
            if risk.pointee.delays, let delays = drawer.risks[r].delayYears {
                let first = base.incentiveFirstYear[i], delayFrom = drawer.risks[r].delayFrom
                for j in 0..<Lanes.scalarCount {
                    ws.incentiveFirst[i][j] = Double(StochasticModel.delayedFirstYear(
                        first: first, delayFrom: delayFrom, delay: delays.quantile(u[d + 1][j])))
                }
            }
            // Year indices as doubles: exact integers, so the sums and minimums are the scalar engine's.
            let pathFirst = ws.incentiveFirst[i]
            if let (h, logSurvival, safe) = risk.pointee.withdrawal {
                let survived = Self.yearsBeforeEvent(hazard: h, logSurvival: logSurvival, u: u[d])
                ws.incentiveLast[i] = laneMin(ws.incentiveLast[i], pathFirst + Double(safe) + survived - 1)
            }
            if let (p, f) = risk.pointee.cut {
                ws.incentiveScale[i].replace(with: ws.incentiveScale[i] * f, where: u[d + 2] .< p)
            }
            if let (h, logSurvival, within) = risk.pointee.clawback {
                let year = Self.yearsBeforeEvent(hazard: h, logSurvival: logSurvival, u: u[d + 3])
                ws.incentiveClawback[i].replace(with: pathFirst + year, where: year .< Double(within))
            }
        }
    }

    /// Resets every entry that draws or policy events change to the base model, in every lane.
    func resetDrawnEntries(_ ws: LaneWorkspace) {
        let base = model, n = yearCount
        func reset(_ rows: UnsafeMutableBufferPointer<Lanes>, _ r: Int, from matrix: YearMatrix) {
            for t in 0..<n { rows[r * n + t] = Lanes(repeating: matrix[r, t]) }
        }
        for entry in drawer.resets {
            switch entry {
            case .priceRow(let p): reset(ws.price, p, from: base.price)
            case .quantityRow(let p): reset(ws.quantity, p, from: base.quantity)
            case .costPriceRow(let l): reset(ws.costPrice, l, from: base.costPrice)
            case .costQuantityRow(let l): reset(ws.costQuantity, l, from: base.costQuantity)
            case .costPerUnit(let l): ws.costPerUnit[l] = Lanes(repeating: base.costQuantityPerUnit[l])
            case .capex(let c, let y): ws.capex[c * n + y] = Lanes(repeating: base.capex[c, y])
            case .citRate: ws.citRate = Lanes(repeating: base.citRate)
            case .incentiveScale(let i): ws.incentiveScale[i] = Lanes(repeating: base.incentiveScale[i])
            case .headcountRow(let s): reset(ws.headcount, s, from: base.headcount)
            case .loanRate(let l): ws.loanRate[l] = Lanes(repeating: base.loans[l].rate)
            }
        }
        for r in ws.risks.indices {
            let i = ws.risks[r].incentive
            ws.incentiveScale[i] = Lanes(repeating: base.incentiveScale[i])
            ws.incentiveFirst[i] = Lanes(repeating: Double(base.incentiveFirstYear[i]))
            ws.incentiveLast[i] = Lanes(repeating: Double(base.incentiveLastYear[i]))
            ws.incentiveClawback[i] = Lanes(repeating: -1)
        }
    }

    /// The lane quantile of draw `k`: its shape's, or the drawer's own for a `.general` form.
    @inline(__always)
    private func quantile(of draw: UnsafeMutablePointer<LaneDraw>, _ k: Int, _ u: Lanes) -> Lanes {
        if let shape = draw.pointee.quantile { return shape.quantile(u) }
        return drawer.draws[k].quantile.quantile(u)
    }

    /// Whole years before an event of annual hazard `h` (Geometric on {0, 1, 2, ...}: 0 with h = 1),
    /// as doubles, 2^62 for never (h = 0): floor(log1p(-u) / log(1 - h)). Year indices as doubles are
    /// exact integers; 2^62 only reaches minimums and comparisons with year indices, where it loses.
    @inline(__always)
    static func yearsBeforeEvent(hazard h: Double, logSurvival: Double, u: Lanes) -> Lanes {
        let never = Lanes(repeating: Double(Int.max / 2))
        if h <= 0 { return never }
        if h >= 1 { return .zero }
        // `negated`, not `-u`: a vector's prefix minus is 0 - u, the scalar's -u except at zero.
        let k = floorOfNonNegative(ElementaryFunctions.log1p(ElementaryFunctions.negated(u)) / logSurvival)
        return k.replacing(with: never, where: .!(k .< never))
    }

    /// `x.rounded(.down)` for lanes that are +0 or more (or nan, kept): 2^52 added and taken away
    /// rounds to the nearest integer, one less where that is above x; from 2^52 up every double
    /// is an integer. Branch-free, where a vector's `rounded(.down)` runs lane by lane without SSE4.1.
    @inline(__always)
    static func floorOfNonNegative(_ x: Lanes) -> Lanes {
        let magic = Lanes(repeating: 0x1p52)
        var nearest = (x + magic) - magic
        nearest.replace(with: nearest - 1, where: nearest .> x)
        return nearest.replacing(with: x, where: x .>= magic)
    }

    /// Applies a drawn value of an input: a value scales its row by draw / base (escalation and ramp-up
    /// shapes kept), an escalation rate reshapes the row by ((1 + draw) / (1 + base))^k in operating year k.
    func applyValue(_ x: Lanes, _ target: StochasticModel.Target, base inputBase: Double, _ ws: LaneWorkspace) {
        let n = yearCount, op = operationStart
        let ratio = inputBase == 0 ? Lanes(repeating: 1) : x / inputBase
        func scaleRow(_ rows: UnsafeMutableBufferPointer<Lanes>, _ r: Int) {
            for t in 0..<n { rows[r * n + t] *= ratio }
        }
        func growRow(_ rows: UnsafeMutableBufferPointer<Lanes>, _ r: Int) {
            // `YearMatrix.multiplyRow(_:by: 1, growth:from:)`: entry op + k times growth^k, by repeated products.
            let growth = (1 + x) / (1 + inputBase)
            var f = Lanes(repeating: 1)
            for t in op..<n { rows[r * n + t] *= f; f *= growth }
        }
        switch target {
        case .productPrice(let p): scaleRow(ws.price, p)
        case .productQuantity(let p): scaleRow(ws.quantity, p)
        case .costPrice(let l): scaleRow(ws.costPrice, l)
        case .costQuantity(let l): scaleRow(ws.costQuantity, l)
        case .costPerUnit(let l): ws.costPerUnit[l] *= ratio
        case .headcount(let s, let l): scaleRow(ws.headcount, s); scaleRow(ws.costQuantity, l)
        case .capex(let c, let y, let amount): ws.capex[c * n + y] += amount * (ratio - 1)
        case .incentiveScale(let i): ws.incentiveScale[i] *= ratio
        case .productEscalation(let p): growRow(ws.price, p)
        case .productQuantityGrowth(let p): growRow(ws.quantity, p)
        case .costEscalation(let l): growRow(ws.costPrice, l)
        case .citRate: ws.citRate = x
        case .loanRate(let l): ws.loanRate[l] = x
        case .moduleParameter: break   // read by the module's per-path model (`ModulePathLanes.apply`)
        }
    }

    /// Multiplies one year of an input's row (a per-year multiplier or a process).
    func multiply(_ factor: Lanes, year t: Int, _ target: StochasticModel.Target, _ ws: LaneWorkspace) {
        let n = yearCount
        switch target {
        case .productPrice(let p), .productEscalation(let p): ws.price[p * n + t] *= factor
        case .productQuantity(let p), .productQuantityGrowth(let p): ws.quantity[p * n + t] *= factor
        case .costPrice(let l), .costEscalation(let l): ws.costPrice[l * n + t] *= factor
        case .costQuantity(let l): ws.costQuantity[l * n + t] *= factor
        case .headcount(let s, let l): ws.headcount[s * n + t] *= factor; ws.costQuantity[l * n + t] *= factor
        case .capex(let c, _, _): ws.capex[c * n + t] *= factor
        case .costPerUnit, .loanRate, .citRate, .incentiveScale, .moduleParameter: break
        }
    }
}
