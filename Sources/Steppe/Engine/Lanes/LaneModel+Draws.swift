import Foundation

extension LaneModel {
    /// Sets the inputs of eight paths in `ws` from their uniforms (`u[d]` holds dimension `d` of
    /// each lane's path): `StochasticModel.apply`, lane by lane, with the same operations in the
    /// same order.
    func applyDraws(_ u: UnsafeMutablePointer<Lanes>, _ ws: LaneWorkspace) {
        let base = model, n = yearCount, op = operationStart
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
        for r in drawer.risks.indices {
            let i = drawer.risks[r].incentive
            ws.incentiveScale[i] = Lanes(repeating: base.incentiveScale[i])
            ws.incentiveFirst[i] = Lanes(repeating: Double(base.incentiveFirstYear[i]))
            ws.incentiveLast[i] = Lanes(repeating: Double(base.incentiveLastYear[i]))
            ws.incentiveClawback[i] = Lanes(repeating: -1)
        }

        if let correlation = drawer.correlation {
            // The copula acts on each path's uniforms alone: lane by lane, through one path's buffer.
            let path = ws.pathUniforms
            for j in 0..<Lanes.scalarCount {
                for d in correlation.dimensions { path[d] = u[d][j] }
                correlation.apply(to: path)
                for d in correlation.dimensions { u[d][j] = path[d] }
            }
        }
        // Through the array's buffer: binding a `Draw`, even by index, retained its distribution on
        // every group of paths.
        drawer.draws.withUnsafeBufferPointer { draws in
            for k in draws.indices {
                let d = draws[k].firstDimension, target = draws[k].target
                // On a plain copy of the draw's kind: switching on `draws[k].kind` copied the whole draw.
                switch drawForms[k] {
                case .value:
                    applyValue(draws[k].quantile.quantile(u[d]), target, base: draws[k].base, ws)
                case .perYearMultiplier:
                    for t in op..<n { multiply(draws[k].quantile.quantile(u[d + t - op]), year: t, target, ws) }
                case .process:
                    guard case .process(let process) = draws[k].kind else { continue }
                    // Each path's operating-year uniforms become its process multipliers, lane by lane.
                    let years = UnsafeMutableBufferPointer(rebasing: ws.pathUniforms[0..<(n - op)])
                    for j in 0..<Lanes.scalarCount {
                        for y in 0..<(n - op) { years[y] = u[d + y][j] }
                        process.multipliers(fromUniformsInPlace: years)
                        for y in 0..<(n - op) { u[d + y][j] = years[y] }
                    }
                    for t in op..<n { multiply(u[d + t - op], year: t, target, ws) }
                }
            }
        }

        guard drawer.appliesPolicyRisks else { return }
        for r in drawer.risks.indices {
            let i = drawer.risks[r].incentive, d = drawer.risks[r].firstDimension
            let first = base.incentiveFirstYear[i]
            for j in 0..<Lanes.scalarCount {
                var pathFirst = Int(ws.incentiveFirst[i][j]), pathLast = Int(ws.incentiveLast[i][j])
                if let delay = drawer.risks[r].delayYears?.quantile(u[d + 1][j]) {
                    pathFirst = first + max(0, Int(delay.rounded(.down)))
                }
                if let h = drawer.risks[r].withdrawalHazard {
                    let survived = StochasticModel.yearsBeforeEvent(hazard: h, logSurvival: withdrawalLogSurvival[r], u: u[d][j])
                    pathLast = min(pathLast, pathFirst + drawer.risks[r].withdrawalAfterYears + survived - 1)
                }
                if let p = drawer.risks[r].cutProbability, let f = drawer.risks[r].cutToFraction, u[d + 2][j] < p {
                    ws.incentiveScale[i][j] *= f
                }
                if let h = drawer.risks[r].clawbackHazard, let within = drawer.risks[r].clawbackWithinYears {
                    let year = drawer.yearsBeforeEvent(hazard: h, u: u[d + 3][j])
                    if year < within { ws.incentiveClawback[i][j] = Double(pathFirst + year) }
                }
                ws.incentiveFirst[i][j] = Double(pathFirst)
                ws.incentiveLast[i][j] = Double(pathLast)
            }
        }
    }

    /// `StochasticModel.applyValue` in lanes.
    private func applyValue(_ x: Lanes, _ target: StochasticModel.Target, base inputBase: Double, _ ws: LaneWorkspace) {
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
        }
    }

    /// `StochasticModel.multiply` in lanes: one year of an input's row.
    private func multiply(_ factor: Lanes, year t: Int, _ target: StochasticModel.Target, _ ws: LaneWorkspace) {
        let n = yearCount
        switch target {
        case .productPrice(let p), .productEscalation(let p): ws.price[p * n + t] *= factor
        case .productQuantity(let p), .productQuantityGrowth(let p): ws.quantity[p * n + t] *= factor
        case .costPrice(let l), .costEscalation(let l): ws.costPrice[l * n + t] *= factor
        case .costQuantity(let l): ws.costQuantity[l * n + t] *= factor
        case .headcount(let s, let l): ws.headcount[s * n + t] *= factor; ws.costQuantity[l * n + t] *= factor
        case .capex(let c, _, _): ws.capex[c * n + t] *= factor
        case .costPerUnit, .loanRate, .citRate, .incentiveScale: break
        }
    }
}
