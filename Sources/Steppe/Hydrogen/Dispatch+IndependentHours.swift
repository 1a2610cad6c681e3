extension Dispatch.ElectrolyserFirst {
    /// Pass 1 for a plant whose hours do not depend on each other: no battery and no hydrogen
    /// buffer, so no state links one hour's decision to the next (stack hours only count, and
    /// with degradation set each hour's hydrogen, which decides nothing). Each hour is decided exactly as in `run`, by the same
    /// operations on the same values, but two hours per SIMD register and two registers at a
    /// time, with the sums kept per lane: totals differ from `run`'s only in summation order
    /// (rounding).
    ///
    /// The surplus is stored per hour, for `allocateExport` to sum per export price level
    /// through `hoursByLevel` (`Dispatch.sum(_:over:count:)`), and only the levels it needs,
    /// instead of a read-modify-write of its level's sum every hour. Returns the year's surplus.
    /// Stack hours and replacements follow from the year's operating hours in closed form:
    /// a stack is replaced every ⌈stack life⌉ operating hours.
    ///
    /// With degradation (`Loads` on), each hour's load is stored for `degradedHydrogen`, which
    /// gives the year's hydrogen, operating hours and replacements (no hour's decision depends on
    /// the specific consumption without a buffer).
    @inline(__always)
    func runIndependentHours<Imports: StaticFlag, Trace: StaticFlag, Loads: StaticFlag>(
        _ b: Dispatch.HourlyBuffers, state: inout Dispatch.State, year: inout DispatchYear,
        _: Imports.Type, _: Trace.Type, _: Loads.Type
    ) -> Double {
        // Two hours per SSE register (SIMD2, the baseline x86-64 vector), two registers per
        // step: four running sums per quantity, and no lane shuffles.
        typealias V = SIMD2<Double>
        let n = ResourceProfile.hoursPerYear
        precondition(n % (2 * V.scalarCount) == 0)
        let surplusOut = UnsafeMutableRawPointer(Trace.isOn ? b.surplus : b.surplusScratch)
        let cap = pMax, pMin = self.pMin, maxImportPrice = self.maxImportPrice, windMW = self.windMW, solarMW = self.solarMW
        let keepsMinimumLoad = self.keepsMinimumLoad, kgPerMWh = self.kgPerMWh
        let windMW2 = V(repeating: windMW), solarMW2 = V(repeating: solarMW)
        // Below the minimum load at full capacity the electrolyser never runs: no hour reaches
        // an infinite minimum, and no import is made to top one up.
        let runs = cap >= pMin
        let minimumLoad = runs ? pMin : .infinity
        let wind = UnsafeRawPointer(b.wind), solar = UnsafeRawPointer(b.solar), price = UnsafeRawPointer(b.importPrice)
        var sums = (SIMD2Sums(), SIMD2Sums())

        @inline(__always)
        func hours(at offset: Int, _ sum: inout SIMD2Sums) {
            let g = windMW2 * wind.loadUnaligned(fromByteOffset: offset, as: V.self)
                + solarMW2 * solar.loadUnaligned(fromByteOffset: offset, as: V.self)
            var direct = g.replacing(with: cap, where: cap .< g)   // Swift.min(g, cap), lane by lane
            var imported = V()
            if Imports.isOn {
                if keepsMinimumLoad {
                    if runs { imported.replace(with: pMin - direct, where: direct .< pMin) }
                } else if runs {
                    let p = price.loadUnaligned(fromByteOffset: offset, as: V.self)
                    imported.replace(with: cap - direct, where: p .<= maxImportPrice)
                }
            }
            // As in `run`: off below the minimum load unless an import tops it up.
            let off = (imported .<= 0) .& (direct .< minimumLoad)
            direct.replace(with: 0, where: off)
            if Imports.isOn { imported.replace(with: 0, where: off) }
            surplusOut.storeBytes(of: g - direct, toByteOffset: offset, as: V.self)
            let load = direct + imported
            if Loads.isOn { UnsafeMutableRawPointer(b.load).storeBytes(of: load, toByteOffset: offset, as: V.self) }
            sum.operating &-= unsafeBitCast(load .> 0, to: SIMD2<Int64>.self)
            sum.available += g
            sum.fromRenewables += direct
            if Imports.isOn {
                sum.imports += imported
                sum.importCost += imported * 1000 * price.loadUnaligned(fromByteOffset: offset, as: V.self)
            }
            if Trace.isOn {
                func store(_ v: V, _ p: UnsafeMutablePointer<Double>) {
                    UnsafeMutableRawPointer(p).storeBytes(of: v, toByteOffset: offset, as: V.self)
                }
                store(g, b.generation); store(direct, b.electrolyserFromRenewables); store(V(), b.batteryDischarge)
                store(V(), b.batteryCharge); store(imported, b.gridImport); store(load * kgPerMWh, b.hydrogen)
            }
        }
        let step = V.scalarCount * MemoryLayout<Double>.stride
        for offset in stride(from: 0, to: n * MemoryLayout<Double>.stride, by: 2 * step) {
            hours(at: offset, &sums.0)
            hours(at: offset + step, &sums.1)
        }
        let total = sums.0.combined(with: sums.1)
        var operatingHours = Double(total.operating[0] + total.operating[1])
        func sum(_ v: SIMD2<Double>) -> Double { v[0] + v[1] }
        let available = sum(total.available), renewables = sum(total.fromRenewables), imported = sum(total.imports)
        year.availableGeneration += available
        year.electrolyserFromRenewables += renewables
        year.gridImport += imported; year.importCost += sum(total.importCost)
        // Hydrogen is load × kg/MWh each hour (as `run` computes it without degradation and
        // buffer), summed as load first: one rounding of the product instead of one per hour.
        var produced = (renewables + imported) * kgPerMWh
        let replacements: Int
        if Loads.isOn {
            let degraded = degradedHydrogen(b, stackHours: &state.stackHours, Trace.self)
            produced = degraded.produced
            operatingHours = Double(degraded.operatingHours)
            replacements = degraded.replacements
        } else {
            replacements = Self.replaceStacks(&state.stackHours, operatingHours: operatingHours, stackLife: stackLife)
        }
        year.hydrogenProduced += produced
        year.hydrogenDelivered += produced
        year.electrolyserOperatingHours += operatingHours
        year.stackReplacements += replacements
        // The surplus g − direct of every hour, summed as Σg − Σdirect (rounding only).
        return available - renewables
    }

    /// Advances `stackHours` by `operatingHours` hours of operation, one hour at a time a stack
    /// reaching `stackLife` hours is replaced (its hours restart at 0), and returns the replacements.
    /// With whole stack hours below the life (always, from a start at 0), in closed form: a
    /// replacement every ⌈stack life⌉ hours.
    static func replaceStacks(_ stackHours: inout Double, operatingHours: Double, stackLife: Double) -> Int {
        if stackLife == .infinity { stackHours += operatingHours; return 0 }
        if stackHours < stackLife, stackHours == stackHours.rounded(.down), stackHours >= 0 {
            let period = max(1, stackLife.rounded(.up))
            let total = stackHours + operatingHours
            let replaced = (total / period).rounded(.down)
            stackHours = total - replaced * period
            return Int(replaced)
        }
        var replaced = 0
        for _ in 0..<Int(operatingHours) {
            stackHours += 1
            if stackHours >= stackLife { stackHours = 0; replaced += 1 }
        }
        return replaced
    }
}

/// Running sums of `runIndependentHours`, two hours (lanes) each.
struct SIMD2Sums {
    var available = SIMD2<Double>(), fromRenewables = SIMD2<Double>(), imports = SIMD2<Double>(), importCost = SIMD2<Double>()
    var operating = SIMD2<Int64>()

    /// Lane-wise sums of `self` and `other`, in that fixed order.
    func combined(with other: SIMD2Sums) -> SIMD2Sums {
        SIMD2Sums(available: available + other.available, fromRenewables: fromRenewables + other.fromRenewables,
                  imports: imports + other.imports, importCost: importCost + other.importCost,
                  operating: operating &+ other.operating)
    }
}
