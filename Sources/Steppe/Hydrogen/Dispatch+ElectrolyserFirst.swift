extension Dispatch {
    /// Pass 1 of a dispatch year, electrolyser first: the plant's constants for one year,
    /// taken out of the optionals and the import-rule enum once, and the hour-by-hour loop.
    ///
    /// One source loop serves every plant: `run` passes which equipment exists (battery,
    /// hydrogen buffer, grid import) and whether the hourly trace is kept as `StaticFlag`
    /// types, and the compiler specialises the loop per combination.
    struct ElectrolyserFirst {
        let windMW, solarMW: Double
        let pMax, pMin: Double
        let specificConsumption, degradationPerThousandHours: Double
        /// Whether specific consumption rises with stack hours.
        let degrading: Bool
        /// Whether hydrogen is computed with the constant `kgPerMWh` (1000 / specific consumption)
        /// instead of dividing each hour: without degradation and without a buffer, where the
        /// hydrogen only adds up (1 ulp of rounding per hour) and feeds no decision. With a
        /// buffer the stock sets the next hour's limit, so the division is kept bit for bit.
        let multipliesHydrogen: Bool
        let kgPerMWh: Double
        /// Stack life in operating hours (infinity: never replaced).
        let stackLife: Double
        let batteryPower, batteryEnergy: Double
        /// One-way efficiency √η, and what a unit of discharge draws from the store: 1/√η (0 if η is 0).
        let leg, drawPerDischarge: Double
        /// 1/√η: what a unit of free store space takes in charge.
        let chargePerStored: Double
        let storageCapacity, offtake: Double
        /// Grid import: at minimum load (`keepsMinimumLoad`) or up to full load below `maxImportPrice`.
        let keepsMinimumLoad: Bool
        let maxImportPrice: Double

        init(_ plant: HydrogenPlant, windFactor: Double, solarFactor: Double) {
            let elz = plant.electrolyser
            windMW = plant.windMW * windFactor; solarMW = plant.solarMW * solarFactor
            pMax = elz.capacityMW; pMin = elz.capacityMW * elz.minimumLoad
            specificConsumption = elz.specificConsumption; degradationPerThousandHours = elz.degradationPerThousandHours
            degrading = elz.degradationPerThousandHours != 0
            kgPerMWh = 1000 / elz.specificConsumption
            multipliesHydrogen = !degrading && plant.hydrogenStorage == nil
            stackLife = elz.stackLifeHours ?? .infinity
            batteryPower = plant.battery?.powerMW ?? 0; batteryEnergy = plant.battery?.energyMWh ?? 0
            leg = (plant.battery?.roundTripEfficiency ?? 1).squareRoot()
            chargePerStored = 1 / leg; drawPerDischarge = leg > 0 ? 1 / leg : 0
            storageCapacity = plant.hydrogenStorage?.capacityKg ?? 0; offtake = plant.hydrogenStorage?.offtakeKgPerHour ?? 0
            switch plant.gridImport.rule {
            case .none, .keepMinimumLoad: keepsMinimumLoad = true; maxImportPrice = -.infinity
            case .belowPrice(let maxPrice): keepsMinimumLoad = false; maxImportPrice = maxPrice
            }
        }

        /// Dispatches the 8760 hours in time order, advances `state` and adds the year's sums
        /// to `year`; stores each hour's surplus in `b.surplus` for the export cap.
        /// Writes the other hourly buffers only if `Trace` is on.
        @inline(__always)
        func run<Battery: StaticFlag, Storage: StaticFlag, Imports: StaticFlag, Trace: StaticFlag>(
            _ b: HourlyBuffers, state: inout State, year: inout DispatchYear,
            _: Battery.Type, _: Storage.Type, _: Imports.Type, _: Trace.Type
        ) {
            var s = state
            var available = 0.0, fromRenewables = 0.0, charged = 0.0, discharged = 0.0
            var imports = 0.0, importCost = 0.0, produced = 0.0, delivered = 0.0, unmet = 0.0
            var operatingHours = 0.0, replacements = 0
            for h in 0..<ResourceProfile.hoursPerYear {
                let g = windMW * b.wind[h] + solarMW * b.solar[h]
                let sec = degrading ? specificConsumption * (1 + degradationPerThousandHours * s.stackHours / 1000) : specificConsumption
                // The buffer limits production to what the offtake and the free space take.
                var cap = pMax
                if Storage.isOn {
                    let room = storageCapacity - s.hydrogenStock + offtake
                    cap = min(cap, max(0, room) * sec / 1000)
                }
                var direct = min(g, cap)
                var discharge = 0.0
                if Battery.isOn { discharge = min(cap - direct, min(batteryPower, s.batteryEnergy * leg)) }
                var imported = 0.0
                if Imports.isOn {
                    if keepsMinimumLoad {
                        if direct + discharge < pMin, cap >= pMin { imported = pMin - direct - discharge }
                    } else if b.importPrice[h] <= maxImportPrice {
                        imported = cap - direct - discharge
                    }
                }
                // Off with too little power for the minimum load. An import tops the load up to at
                // least the minimum by construction, so it is not re-tested as a sum: rounding of
                // direct + discharge + (pMin - direct - discharge) can land just below pMin.
                if cap < pMin || (imported <= 0 && direct + discharge < pMin) {
                    direct = 0; discharge = 0; imported = 0
                }
                var rest = g - direct
                var charge = 0.0
                if Battery.isOn, batteryPower > 0, rest > 0 {
                    charge = max(0, min(rest, batteryPower, (batteryEnergy - s.batteryEnergy) * chargePerStored))
                    rest -= charge
                }
                if Battery.isOn { s.batteryEnergy += charge * leg - discharge * drawPerDischarge }
                let load = direct + discharge + imported
                let kg = multipliesHydrogen ? load * kgPerMWh : load * 1000 / sec
                if load > 0 {
                    s.stackHours += 1
                    operatingHours += 1
                    if s.stackHours >= stackLife {
                        s.stackHours = 0
                        replacements += 1
                    }
                }
                if Storage.isOn {
                    let inStore = s.hydrogenStock + kg
                    let out = min(offtake, inStore)
                    s.hydrogenStock = min(storageCapacity, inStore - out)
                    delivered += out
                    unmet += offtake - out
                }
                if Trace.isOn {
                    b.generation[h] = g; b.electrolyserFromRenewables[h] = direct; b.batteryDischarge[h] = discharge
                    b.batteryCharge[h] = charge; b.gridImport[h] = imported; b.hydrogen[h] = kg
                }
                b.surplus[h] = rest
                available += g
                fromRenewables += direct
                if Battery.isOn { charged += charge; discharged += discharge }
                if Imports.isOn { imports += imported; importCost += imported * 1000 * b.importPrice[h] }
                produced += kg
            }
            state = s
            year.availableGeneration += available
            year.electrolyserFromRenewables += fromRenewables
            year.batteryCharge += charged; year.batteryDischarge += discharged
            year.gridImport += imports; year.importCost += importCost
            year.hydrogenProduced += produced
            // Without a buffer all hydrogen is delivered (the same sum, in the same order).
            year.hydrogenDelivered += Storage.isOn ? delivered : produced
            year.unmetHydrogenDemand += unmet
            year.electrolyserOperatingHours += operatingHours
            year.stackReplacements += replacements
        }

        /// Whether the hours of a year without battery and buffer are independent of each
        /// other: without degradation the stack clock feeds no decision, and the replacements
        /// follow from the count of operating hours (`advanceStack`), exactly for a whole
        /// number of stack hours.
        func isElementwise(stackHours: Double) -> Bool {
            !degrading && stackHours.rounded() == stackHours && stackHours.magnitude < 0x1p40
        }

        /// `run` for a plant without battery and hydrogen buffer, when `isElementwise`: the
        /// same hour rules, two hours at a time without branches, each sum kept in four lanes
        /// (so the year's sums differ from `run`'s in rounding only). The stack clock is advanced
        /// once, by the year's operating hours.
        @inline(__always)
        func runElementwise<Imports: StaticFlag, Trace: StaticFlag>(
            _ b: HourlyBuffers, state: inout State, year: inout DispatchYear, _: Imports.Type, _: Trace.Type
        ) {
            typealias L = HourLanes
            let zero = L(), one = L(repeating: 1)
            let wind = L(repeating: windMW), solar = L(repeating: solarMW)
            let full = L(repeating: pMax), minimum = L(repeating: pMin)
            let perMWh = L(repeating: kgPerMWh), maxPrice = L(repeating: maxImportPrice)
            // The buffer-less cap is `pMax` in every hour: below the minimum load, always off.
            let alwaysOff = L(repeating: pMax < pMin ? 1 : 0) .== one
            typealias Sums = ElementwiseSums
            @inline(__always) func hours(_ h: Int, _ sum: inout Sums) {
                let g = wind * L(b.wind, hour: h) + solar * L(b.solar, hour: h)
                var direct = L.min(g, full)
                var imported = zero
                if Imports.isOn {
                    if keepsMinimumLoad {
                        imported = (minimum - direct).replacing(with: 0, where: .!(direct .< minimum))
                    } else {
                        imported = (full - direct).replacing(with: 0, where: .!(L(b.importPrice, hour: h) .<= maxPrice))
                    }
                }
                // As in `run`: off below the minimum load unless an import tops the load up.
                let off = alwaysOff .| (Imports.isOn ? (.!(imported .> 0) .& (direct .< minimum)) : (direct .< minimum))
                direct.replace(with: 0, where: off)
                if Imports.isOn { imported.replace(with: 0, where: off) }
                let rest = g - direct
                let load = Imports.isOn ? direct + imported : direct
                let kg = load * perMWh
                rest.store(b.surplus, hour: h)
                if Trace.isOn {
                    g.store(b.generation, hour: h); direct.store(b.electrolyserFromRenewables, hour: h)
                    zero.store(b.batteryDischarge, hour: h); zero.store(b.batteryCharge, hour: h)
                    imported.store(b.gridImport, hour: h); kg.store(b.hydrogen, hour: h)
                }
                sum.available += g
                sum.fromRenewables += direct
                if Imports.isOn { sum.imports += imported; sum.importCost += imported * 1000 * L(b.importPrice, hour: h) }
                sum.produced += kg
                sum.operating += one.replacing(with: 0, where: .!(load .> 0))
            }
            // Two sets of lanes, so that each addition waits for the one before last.
            var even = Sums(), odd = Sums()
            for h in stride(from: 0, to: ResourceProfile.hoursPerYear, by: 2 * L.scalarCount) {
                hours(h, &even)
                hours(h + L.scalarCount, &odd)
            }
            let operating = (even.operating + odd.operating).total, produced = (even.produced + odd.produced).total
            var replacements = 0
            Self.advanceStack(&state.stackHours, operatingHours: Int(operating), life: stackLife, replacements: &replacements)
            year.availableGeneration += (even.available + odd.available).total
            year.electrolyserFromRenewables += (even.fromRenewables + odd.fromRenewables).total
            year.gridImport += (even.imports + odd.imports).total; year.importCost += (even.importCost + odd.importCost).total
            year.hydrogenProduced += produced
            year.hydrogenDelivered += produced
            year.electrolyserOperatingHours += operating
            year.stackReplacements += replacements
        }

        /// The running sums of `runElementwise`, per lane.
        struct ElementwiseSums {
            var available = HourLanes(), fromRenewables = HourLanes(), imports = HourLanes(), importCost = HourLanes()
            var produced = HourLanes(), operating = HourLanes()
        }

        /// Advances the stack clock `stackHours` by `operatingHours` hours as `run` does hour by
        /// hour (add 1; at `life` or beyond, replace: back to 0), jumping from one replacement
        /// to the next. Exact when `stackHours` is a whole number below 2^40 (`isElementwise`).
        static func advanceStack(_ stackHours: inout Double, operatingHours: Int, life: Double, replacements: inout Int) {
            var left = operatingHours
            while left > 0 {
                // The first hour count k >= 1 with stackHours + k >= life (none if life is NaN or out of reach).
                let k = (life - stackHours).rounded(.up)
                guard k <= Double(left) else { break }
                stackHours = 0
                replacements += 1
                left -= k <= 1 ? 1 : Int(k)
            }
            stackHours += Double(left)
        }
    }
}
