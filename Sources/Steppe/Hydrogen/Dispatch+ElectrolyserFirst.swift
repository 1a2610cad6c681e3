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
        /// Whether specific consumption rises with stack hours. Without, stack hours feed no
        /// decision: they are counted for the year and replaced in closed form (`replaceStacks`),
        /// and hydrogen is the year's load times the constant `kgPerMWh` (1000 / specific
        /// consumption) unless a buffer needs each hour's kilograms: then, as with degradation,
        /// each hour divides by its specific consumption, bit for bit as the hour rules say.
        /// With degradation but no buffer, hydrogen feeds no decision either: the hour loop stores
        /// each hour's load and `degradedHydrogen` sums the year's hydrogen, operating hours and
        /// replacements from the loads a day at a time.
        let degrading: Bool
        /// Whether the hour loop counts stack and operating hours hour by hour: with degradation and
        /// a hydrogen buffer (the buffer's room follows the specific consumption, which follows the
        /// stack hours), and with a zero minimum load (a running electrolyser may then carry no load
        /// and is not operating). Otherwise a running hour is an operating hour, and the year's count
        /// follows from the hours switched off (or, degrading, from the loads).
        let countsHourByHour: Bool
        let kgPerMWh: Double
        /// Stack life in operating hours (infinity: never replaced).
        let stackLife: Double
        let batteryPower, batteryEnergy: Double
        /// One-way efficiency √η; 1/√η, what a unit of free store space takes in charge; and what
        /// a unit of discharge draws from the store: 1/√η (0 if η is 0). Multiplied, not divided, per hour.
        let leg, chargePerStored, drawPerDischarge: Double
        let storageCapacity, offtake: Double
        /// Grid import: at minimum load (`keepsMinimumLoad`) or up to full load below `maxImportPrice`.
        let keepsMinimumLoad: Bool
        let maxImportPrice: Double

        init(_ plant: HydrogenPlant, windFactor: Double, solarFactor: Double) {
            let elz = plant.electrolyser
            windMW = plant.windMW * windFactor; solarMW = plant.solarMW * solarFactor
            // Availability derates the capacity (× 1 exactly when fully available).
            let available = elz.capacityMW * elz.availability
            pMax = available; pMin = available * elz.minimumLoad
            specificConsumption = elz.specificConsumption; degradationPerThousandHours = elz.degradationPerThousandHours
            degrading = elz.degradationPerThousandHours != 0
            countsHourByHour = (degrading && plant.hydrogenStorage != nil) || (!degrading && !(pMin > 0))
            kgPerMWh = 1000 / elz.specificConsumption
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

        /// Dispatches the 8760 hours in time order, advances `state`, adds the year's sums to
        /// `year` and returns the year's surplus; stores each hour's surplus (in `b.surplus`
        /// with the trace, else in `b.surplusScratch`) for the export allocation to sum per
        /// price level. Writes the hourly buffers only if `Trace` is on. `HourByHour` is `countsHourByHour`;
        /// `Loads` (degrading without a buffer, never with `HourByHour`) stores each hour's load in `b.load`
        /// for `degradedHydrogen`.
        @inline(__always)
        func run<Battery: StaticFlag, Storage: StaticFlag, Imports: StaticFlag, Trace: StaticFlag, HourByHour: StaticFlag,
                 Loads: StaticFlag>(
            _ b: HourlyBuffers, state: inout State, year: inout DispatchYear,
            _: Battery.Type, _: Storage.Type, _: Imports.Type, _: Trace.Type, _: HourByHour.Type, _: Loads.Type
        ) -> Double {
            // The state in plain locals: kept in registers across the hours (a struct whose
            // address is taken stays in memory, and each hour would wait on a store and a load).
            var energy = state.batteryEnergy, stackHours = state.stackHours, stock = state.hydrogenStock
            // Few running sums, for the same reason (the year's surplus and load follow from these).
            var fromRenewables = 0.0, charged = 0.0, discharged = 0.0
            var imports = 0.0, importCost = 0.0, produced = 0.0, delivered = 0.0, unmet = 0.0
            var operatingHours = 0, replacements = 0
            // Hydrogen per hour only when it feeds a decision (the buffer) or varies (degradation).
            let hourlyHydrogen = HourByHour.isOn || Storage.isOn
            let surplusOut = Trace.isOn ? b.surplus : b.surplusScratch
            // Tested once, not each hour: without a buffer the electrolyser's limit is its capacity.
            let belowMinimumAtFullLoad = pMax < pMin
            // Hours in which the battery stays idle, taken in few operations (below): a battery only, no
            // buffer, import, trace or per-hour counting, and an electrolyser that can run.
            let idleBatteryHours = Battery.isOn && !Storage.isOn && !Imports.isOn && !Trace.isOn && !HourByHour.isOn
                && !belowMinimumAtFullLoad
            var offHours = 0
            // Generation does not depend on the dispatch: computed first, two hours per SIMD
            // register, into the slots the hours' surplus will take (saving the hour loop the
            // arithmetic units it is bound by).
            let available = Dispatch.generation(b, windMW: windMW, solarMW: solarMW, into: surplusOut,
                                                trace: Trace.isOn ? b.generation : nil)
            for h in 0..<ResourceProfile.hoursPerYear {
                let g = surplusOut[h]   // the hour's generation, until its surplus replaces it
                // The battery idle, the hour rules reduce to a few operations, exactly: full and more
                // than the electrolyser takes, the electrolyser runs at capacity, nothing is charged
                // (no room) or discharged (no shortfall) and the rest is surplus; empty and enough for
                // the minimum load but not the capacity, the electrolyser takes it all, nothing is
                // discharged (empty) or charged (no rest). The sums gain what the full rules would add
                // (a zero charge or discharge adds nothing), in the same order. Half the hours or
                // more of a plant with wind and sun well above its electrolyser and a battery of a
                // few hours: the hour loop is bound by its operations, and these take a third.
                if idleBatteryHours {
                    if energy == batteryEnergy && g > pMax {
                        surplusOut[h] = g - pMax
                        if Loads.isOn { b.load[h] = pMax }
                        fromRenewables += pMax
                        continue
                    }
                    if energy == 0 && g < pMax && g >= pMin {
                        surplusOut[h] = 0
                        if Loads.isOn { b.load[h] = g }
                        fromRenewables += g
                        continue
                    }
                }
                // Without degradation the formula is the constant itself (1 + 0 × h / 1000 = 1).
                let sec = HourByHour.isOn ? specificConsumption * (1 + degradationPerThousandHours * stackHours / 1000) : specificConsumption
                // The buffer limits production to what the offtake and the free space take.
                var cap = pMax
                if Storage.isOn {
                    let room = storageCapacity - stock + offtake
                    cap = min(cap, max(0, room) * sec / 1000)
                }
                var direct = min(g, cap)
                var discharge = 0.0
                // The battery's energy chains the hours. Its limits are taken as branches the
                // processor predicts, not as `min`, so that an hour waits on the last one's energy
                // for one addition at most (the choice is checked later, off the chain), and not at
                // all in a run of empty or full hours (below). `_slowPath` keeps the compiler from
                // turning the branches back into selects.
                var drained = false
                if Battery.isOn {
                    let wanted = min(cap - direct, batteryPower), stored = energy * leg
                    discharge = wanted   // min(wanted, stored)
                    if _slowPath(stored < wanted) { discharge = stored; drained = true }
                }
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
                if _slowPath((Storage.isOn ? cap < pMin : belowMinimumAtFullLoad) || (imported <= 0 && direct + discharge < pMin)) {
                    direct = 0; discharge = 0; imported = 0; drained = false
                    offHours &+= 1
                }
                var rest = g - direct
                var charge = 0.0
                // The energy E + (charge·√η − discharge/√η), in the branch that knows which term
                // is zero: charging, the electrolyser is at its limit, so nothing was discharged
                // (unless drained below zero by rounding). Full and empty are set exactly, where
                // E + (room·√η − …) and E − (E·√η)/√η round to within ulps of them.
                if Battery.isOn {
                    if rest > 0 {   // `run` takes a battery without power as none
                        // max(0, min(rest, power, room)), the room as a predicted branch (see above).
                        let wanted = min(rest, batteryPower), room = (batteryEnergy - energy) * chargePerStored
                        if _slowPath(room < wanted) {
                            charge = max(0, room)
                            energy = batteryEnergy
                        } else {
                            charge = wanted
                            energy = _slowPath(drained) ? charge * leg : energy + charge * leg
                        }
                        rest -= charge
                    } else if _slowPath(drained) {
                        energy = 0
                    } else {
                        energy -= discharge * drawPerDischarge
                    }
                }
                let hourLoad = direct + discharge + imported
                if Loads.isOn { b.load[h] = hourLoad }
                let kg = hourlyHydrogen ? hourLoad * 1000 / sec : hourLoad * kgPerMWh
                if HourByHour.isOn {
                    if hourLoad > 0 {
                        operatingHours &+= 1
                        stackHours += 1
                        if stackHours >= stackLife {
                            stackHours = 0
                            replacements += 1
                        }
                    }
                }
                if Storage.isOn {
                    let inStore = stock + kg
                    let out = min(offtake, inStore)
                    stock = min(storageCapacity, inStore - out)
                    delivered += out
                    unmet += offtake - out
                }
                if Trace.isOn {
                    b.electrolyserFromRenewables[h] = direct; b.batteryDischarge[h] = discharge
                    b.batteryCharge[h] = charge; b.gridImport[h] = imported; b.hydrogen[h] = kg
                }
                surplusOut[h] = rest
                fromRenewables += direct
                if Battery.isOn { charged += charge; discharged += discharge }
                if Imports.isOn { imports += imported; importCost += imported * 1000 * b.importPrice[h] }
                if hourlyHydrogen { produced += kg }
            }
            if Loads.isOn {
                (produced, operatingHours, replacements) = degradedHydrogen(b, stackHours: &stackHours, Trace.self)
            } else if !HourByHour.isOn {
                // Running, the load is at least the (positive) minimum.
                operatingHours = ResourceProfile.hoursPerYear - offHours
                replacements = Self.replaceStacks(&stackHours, operatingHours: Double(operatingHours), stackLife: stackLife)
            }
            // Hydrogen at a constant kg/MWh: the year's load times it (one rounding, not one per hour).
            if !hourlyHydrogen && !Loads.isOn { produced = (fromRenewables + discharged + imports) * kgPerMWh }
            state.batteryEnergy = energy; state.stackHours = stackHours; state.hydrogenStock = stock
            year.availableGeneration += available
            year.electrolyserFromRenewables += fromRenewables
            year.batteryCharge += charged; year.batteryDischarge += discharged
            year.gridImport += imports; year.importCost += importCost
            year.hydrogenProduced += produced
            // Without a buffer all hydrogen is delivered (the same sum, in the same order).
            year.hydrogenDelivered += Storage.isOn ? delivered : produced
            year.unmetHydrogenDemand += unmet
            year.electrolyserOperatingHours += Double(operatingHours)
            year.stackReplacements += replacements
            // Each hour's surplus is g − direct − charge: summed as Σg − Σdirect − Σcharge (rounding only).
            return available - fromRenewables - charged
        }
    }
}
