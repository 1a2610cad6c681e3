import Foundation

extension LaneModel {
    /// Sizes the sculpted loan of every lane: its draw share (`ws.sculptedDraw`) and its service per
    /// unit of balance in each year (`ws.sculptedService`).
    ///
    /// The loan's size depends on CFADS, which depends on its interest: the pro forma is iterated to a
    /// fixed point, at most 200 passes, starting from no sculpted debt. Each lane stops on its own, when
    /// its draw share moves by at most 1e-13 (relative) and its service per unit of balance by at most
    /// 1e-12 of its largest year, and keeps the draw and service of that pass, so a path's loan does not
    /// depend on the paths beside it. Both must settle: when the maximum gearing binds, the draw share
    /// stops moving at once while the service profile still follows the CFADS of the capped loan.
    func sizeSculptedLoan(_ ws: LaneWorkspace) {
        guard let sculpted else { return }
        ws.sculptedDraw = .zero
        for t in 0..<yearCount { ws.sculptedService[t] = .zero }
        var converged = SIMDMask<Lanes.MaskStorage>(repeating: false)
        for _ in 0..<200 {
            // A sizing pass needs CFADS only: no yearly line is recorded, whatever the workspace keeps.
            evaluateDrawn(ws, only: [], into: ws.noMetrics, KeepsMetrics.self)
            for j in 0..<Lanes.scalarCount where !converged[j] {
                let (next, serviceMoved) = sculptedDrawShare(sculpted, lane: j, ws)
                if abs(next - ws.sculptedDraw[j]) <= 1e-13 * max(1, abs(next)) && !serviceMoved { converged[j] = true }
                ws.sculptedDraw[j] = next
            }
            if laneAll(converged) { break }
        }
    }

    /// One lane's sculpted loan from the CFADS of the last pass: service `max(CFADS, 0) / targetDSCR` in
    /// each repayment year; its present value at the loan rate (at the end of the last grace year) is
    /// the supportable balance; the draw share that reaches it, or the maximum gearing if lower. Writes
    /// the lane's service per unit of balance into `ws.sculptedService`.
    ///
    /// Returns the draw share of construction capex (0 when no CFADS is positive), and whether the
    /// service per unit of balance moved by more than 1e-12 of its largest year.
    private func sculptedDrawShare(_ loan: SculptedLoan, lane j: Int, _ ws: LaneWorkspace) -> (Double, serviceMoved: Bool) {
        let n = yearCount, op = operationStart, l = loan.index
        let first = loans[l].firstRepayment, last = loans[l].lastRepayment
        let rate = ws.loanRate[l][j]
        var present = 0.0
        var previous = 0.0, moved = 0.0, largest = 0.0
        for t in 0..<n where t < first || t > last { ws.sculptedService[t][j] = 0 }
        for t in first...last {
            let s = max(ws.cfads[t][j], 0) / loan.targetDSCR
            present += s * pow(1 + rate, -Double(t - first + 1))
        }
        for t in first...last {
            previous = ws.sculptedService[t][j]
            let s = present > 0 ? max(ws.cfads[t][j], 0) / loan.targetDSCR / present : 0
            ws.sculptedService[t][j] = s
            moved = max(moved, abs(s - previous)); largest = max(largest, abs(s))
        }
        let serviceMoved = moved > 1e-12 * largest
        guard present > 0 else { return (0, serviceMoved) }

        /// Capex of year `t`, all classes.
        func constructionCapex(_ t: Int) -> Double {
            var total = 0.0
            for c in model.assetClasses.indices { total += ws.capex[c * n + t][j] }
            return total
        }
        // K: balance at the start of operation per unit of draw share (capitalised interest included).
        var k = 0.0, capexTotal = 0.0
        let halfYear = halfYearConstructionInterest
        for t in 0..<op {
            let c = constructionCapex(t)
            capexTotal += c
            // By the half-year rule a draw has earned half a year's interest by the end of its year.
            k += halfYear ? c * (1 + rate * 0.5) * pow(1 + rate, Double(op - 1 - t)) : c * pow(1 + rate, Double(op - 1 - t))
        }
        guard k > 0 else { return (0, serviceMoved) }
        // Other loans' balance and capitalised interest at the start of operation.
        var others = 0.0, othersInterest = 0.0
        for other in loans.indices where other != l {
            let otherRate = ws.loanRate[other][j]
            var b = 0.0
            for t in 0..<op {
                let draw = loans[other].drawShare * constructionCapex(t)
                let interest = halfYear ? otherRate * (b + draw * 0.5) : otherRate * b
                othersInterest += interest
                b += interest + draw
            }
            others += b
        }
        let g = loan.maxGearing
        let byGearing = max(0, (g * (capexTotal + othersInterest) - others) / (k - g * (k - capexTotal)))
        return (min(present / k, byGearing), serviceMoved)
    }
}
