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
        /// to `year`; sums each hour's surplus into its export price level in `b.levelSurplus`.
        /// Writes the hourly buffers only if `Trace` is on.
        @inline(__always)
        func run<Battery: StaticFlag, Storage: StaticFlag, Imports: StaticFlag, Trace: StaticFlag>(
            _ b: HourlyBuffers, state: inout State, year: inout DispatchYear,
            _: Battery.Type, _: Storage.Type, _: Imports.Type, _: Trace.Type
        ) {
            var s = state
            var available = 0.0, fromRenewables = 0.0, charged = 0.0, discharged = 0.0
            var imports = 0.0, importCost = 0.0, produced = 0.0, delivered = 0.0, unmet = 0.0
            var operatingHours = 0.0, replacements = 0
            // Surplus of consecutive hours at the same price level is added up before it is
            // stored, so that a flat price does not chain every hour through memory.
            var runLevel = Int(b.level[0]), runSurplus = 0.0
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
                    b.batteryCharge[h] = charge; b.gridImport[h] = imported; b.surplus[h] = rest; b.hydrogen[h] = kg
                }
                available += g
                fromRenewables += direct
                if Battery.isOn { charged += charge; discharged += discharge }
                if Imports.isOn { imports += imported; importCost += imported * 1000 * b.importPrice[h] }
                produced += kg
                let level = Int(b.level[h])
                if level == runLevel {
                    runSurplus += rest
                } else {
                    b.levelSurplus[runLevel] += runSurplus
                    runLevel = level; runSurplus = rest
                }
            }
            b.levelSurplus[runLevel] += runSurplus
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
    }
}
