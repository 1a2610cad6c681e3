extension ProFormaEngine {
    /// The first-year price of the first product at which the equity NPV is zero,
    /// with its escalation path kept: the price path is scaled by a common factor.
    ///
    /// The equity NPV is continuous and piecewise linear in that factor (taxes and
    /// losses add kinks), so a bracket is grown from the given price and then
    /// narrowed by the Illinois variant of regula falsi, which is exact on a linear piece.
    /// Undefined when the first-year price is zero or no bracket exists within ±1e6 times it.
    static func breakEvenPrice(_ m: CompiledModel) -> MetricValue {
        let op = m.operationStart
        guard op < m.yearCount else { return .undefined("no operating years") }
        guard !m.productIDs.isEmpty else { return .undefined("the scenario has no product") }
        let basePrice = m.price[0, op]
        guard basePrice != 0 else { return .undefined("the first product's first-year price is zero") }
        var evaluator = DeterministicEvaluator(m)
        func npv(_ scale: Double) -> Double {
            evaluator.run(priceScale: scale, only: [.equityNPV])
            return evaluator.metric(.equityNPV)
        }
        var a = 1.0, fa = npv(a)
        if fa == 0 { return .value(basePrice) }
        // Grow a bracket: raise the price if NPV < 0, lower it (through zero) otherwise.
        var step = fa < 0 ? 1.0 : -1.0
        var b = a + step, fb = npv(b)
        var tries = 0
        while (fa < 0) == (fb < 0) && fb != 0 {
            tries += 1
            if tries > 60 { return .undefined("no price within ±1e6 times the given price makes the equity NPV zero") }
            a = b; fa = fb
            step *= 2
            b = a + step; fb = npv(b)
        }
        if fb == 0 { return .value(b * basePrice) }
        let tolerance = 1e-14 * max(abs(fa), abs(fb))
        var side = 0
        var c = b
        for _ in 0..<200 {
            c = (a * fb - b * fa) / (fb - fa)
            let fc = npv(c)
            if fc == 0 || abs(b - a) <= 1e-15 * max(1, abs(c)) { break }
            if (fc < 0) == (fb < 0) {
                b = c; fb = fc
                if side == -1 { fa /= 2 }
                side = -1
            } else {
                a = c; fa = fc
                if side == 1 { fb /= 2 }
                side = 1
            }
            if abs(fc) <= tolerance { break }
        }
        return .finite(c * basePrice, orUndefined: "break-even search diverged")
    }
}
