// degradedHydrogen(_:stackHours:_:): the hydrogen of a year whose specific consumption rises with
// stack hours, from each hour's electrolyser load, a day at a time instead of a division per hour.

extension Dispatch.ElectrolyserFirst {
    /// The year's hydrogen (kg), operating hours and stack replacements of a degrading electrolyser
    /// whose hours' loads are in `b.load`, advancing `stackHours`.
    ///
    /// The hour rules: an hour with load L > 0 makes L × 1000 / sec(s) kg with
    /// sec(s) = specific consumption × (1 + degradation × s / 1000) at the stack's hours s, which
    /// then rise by one (and restart at 0 when they reach the stack life). Without a hydrogen buffer
    /// no decision depends on sec, so the loads are dispatched first and the hydrogen follows here.
    ///
    /// Per day: with the stack hours s at the day's start, the day's operating hours in order have
    /// s + t for t = 0, 1, …, so with a = degradation / 1000, K(s) = 1000 / (sec₀ (1 + a s)) and
    /// r = a / (1 + a s), an hour makes L K(s) / (1 + r t) kg, and the day
    /// K(s) (M₀ − r M₁ + r² M₂ − r³ M₃) with Mⱼ = Σ L tʲ (the series of 1 / (1 + r t), cut after
    /// four terms). With r × 23 ≤ 1e-4 (degradation up to 0.43% per 1000 h), what is cut,
    /// (r t)⁴ ≤ 1e-16 of the day's hydrogen, is below the rounding of a double: the total equals the
    /// hour rules' sum but for rounding, without a division per hour. The moments of two days are
    /// summed at once, one day per SIMD lane. A day in which the stacks are replaced, a faster
    /// degradation or stack hours that are not whole are summed hour by hour by the hour rules.
    ///
    /// With the hourly trace, `b.hydrogen` gets each hour's kilograms by the hour rules (their sum
    /// may differ from the total in the last bits).
    ///
    /// - Precondition: `degrading`; `b.load` holds the 8760 hours' loads, then zeros to a whole
    ///   number of day pairs (`Dispatch.loadHours`).
    /// - Complexity: O(8760) multiplications and additions, one division per day; no allocation.
    @inline(__always)
    func degradedHydrogen<Trace: StaticFlag>(_ b: Dispatch.HourlyBuffers, stackHours: inout Double, _: Trace.Type)
        -> (produced: Double, operatingHours: Int, replacements: Int) {
        typealias V = SIMD2<Double>
        let loads = UnsafePointer(b.load)
        let a = degradationPerThousandHours / 1000, k0 = 1000 / specificConsumption
        // The whole stack life in operating hours (a replacement every ⌈life⌉ hours from whole hours).
        let period = stackLife == .infinity ? Double.infinity : max(1, stackLife.rounded(.up))
        var s = stackHours
        // The closed form per day needs whole stack hours below the life and a slow enough degradation.
        let byDays = a >= 0 && a * 23 <= 1e-4 && s >= 0 && s < stackLife && s == s.rounded(.down)
        var produced = 0.0, operating = 0.0, replacements = 0
        /// Adds day `day`, with moments `m0` … `m3` of its `n` operating hours, to the sums.
        @inline(__always)
        func add(day: Int, _ m0: Double, _ m1: Double, _ m2: Double, _ m3: Double, operatingHours n: Double) {
            if n == 0 { return }
            if byDays, s + n <= period {
                let inverse = 1 / (1 + a * s), r = a * inverse
                produced += k0 * inverse * (m0 - r * (m1 - r * (m2 - r * m3)))
                operating += n
                s += n
                if s == period { s = 0; replacements += 1 }
            } else {
                (s, produced, operating, replacements) = hourRules(loads, hours: (day * 24)..<((day + 1) * 24), stackHours: s,
                                                                   produced: produced, operating: operating, replacements: replacements)
            }
        }

        let days = ResourceProfile.hoursPerYear / 24
        for pair in stride(from: 0, to: days, by: 2) {
            let first = pair * 24
            var m0 = V(), m1 = V(), m2 = V(), m3 = V(), t = V()
            for i in 0..<24 {
                // Lane 0: day `pair`, lane 1: the next day (the zeros after the year for the last).
                let l = V(loads[first + i], loads[first + 24 + i])
                let y1 = l * t, y2 = y1 * t
                m0 += l; m1 += y1; m2 += y2; m3 += y2 * t
                t += V().replacing(with: 1, where: l .> 0)
            }
            add(day: pair, m0[0], m1[0], m2[0], m3[0], operatingHours: t[0])
            if pair + 1 < days { add(day: pair + 1, m0[1], m1[1], m2[1], m3[1], operatingHours: t[1]) }
        }
        if Trace.isOn {
            var s = stackHours
            for h in 0..<ResourceProfile.hoursPerYear {
                let sec = specificConsumption * (1 + degradationPerThousandHours * s / 1000)
                b.hydrogen[h] = loads[h] * 1000 / sec
                if loads[h] > 0 {
                    s += 1
                    if s >= stackLife { s = 0 }
                }
            }
        }
        stackHours = s
        return (produced, Int(operating), replacements)
    }

    /// The `hours`' hydrogen by the hour rules from stack hours `s`: `produced` with each operating hour's
    /// kilograms added in hour order, `operating` with the operating hours added, `replacements` with the
    /// stack replacements added, and the stack hours after them. Out of line and by value, so that the
    /// day loop's sums stay in registers (passed `inout` to a call, they would live in memory).
    @inline(never)
    func hourRules(_ loads: UnsafePointer<Double>, hours: Range<Int>, stackHours: Double, produced: Double,
                   operating: Double, replacements: Int) -> (stackHours: Double, produced: Double, operating: Double, replacements: Int) {
        var s = stackHours, produced = produced, operating = operating, replacements = replacements
        for h in hours where loads[h] > 0 {
            let sec = specificConsumption * (1 + degradationPerThousandHours * s / 1000)
            produced += loads[h] * 1000 / sec
            operating += 1
            s += 1
            if s >= stackLife { s = 0; replacements += 1 }
        }
        return (s, produced, operating, replacements)
    }
}
