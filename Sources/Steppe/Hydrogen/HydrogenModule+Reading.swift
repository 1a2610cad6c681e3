extension HydrogenModule {
    /// Reads the `hydrogen:` section (docs/scenario-format.md lists its keys). CSV files
    /// (`profile.csv`, `gridExport.csv`) are read here, so their problems are reported with the
    /// scenario's other errors; relative paths are relative to the working directory.
    static func read(_ f: SourceField) -> (any ScenarioModule)? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        let wind = o.optional("wind")?.object()
        let windMW = wind?.required("capacityMW")?.double(min: 0) ?? (wind == nil ? 0 : nil)
        let windDeg = wind?.optional("degradationPerYear")?.double(min: 0, max: 1) ?? 0
        wind?.finish()
        let solar = o.optional("solar")?.object()
        let solarMW = solar?.required("capacityMW")?.double(min: 0) ?? (solar == nil ? 0 : nil)
        let solarDeg = solar?.optional("degradationPerYear")?.double(min: 0, max: 1) ?? 0
        solar?.finish()
        let profiles = o.required("profile").flatMap(decodeProfiles)
        var weather: Weather? = .fixed
        if let w = o.optional("weather") { weather = decodeWeather(w, profiles: profiles) }
        let electrolyser = o.required("electrolyser").flatMap(decodeElectrolyser)
        var battery: HydrogenPlant.Battery?, batteryFailed = false
        if let b = o.optional("battery") { battery = decodeBattery(b); batteryFailed = battery == nil }
        var storage: HydrogenPlant.HydrogenStorage?, storageFailed = false
        if let s = o.optional("hydrogenStorage") { storage = decodeStorage(s); storageFailed = storage == nil }
        let gridImport = o.optional("gridImport").map(decodeImport) ?? (HydrogenPlant.GridImport(), 0, 0)
        let export = o.required("gridExport").flatMap(decodeExport)
        let sales = o.required("hydrogenSales").flatMap(SalesTerms.read)
        var water: Water?, waterFailed = false
        if let w = o.optional("water") { water = decodeWater(w); waterFailed = water == nil }
        let fees = o.optional("selfUseFees").map(decodeFees) ?? SelfUseFees()
        var capacityCosts: [CapacityCost]? = []
        if let list = o.optional("capacityCosts") { capacityCosts = list.list(maxCount: Scenario.largestListLength, decodeCapacityCost) }
        guard let windMW, let solarMW, let profiles, let electrolyser, !batteryFailed, !storageFailed,
              let gridImport, let export, let sales, !waterFailed, let fees, let capacityCosts, let weather else { return nil }
        let plant = HydrogenPlant(windMW: windMW, solarMW: solarMW, windDegradationPerYear: windDeg,
                                  solarDegradationPerYear: solarDeg, electrolyser: electrolyser, battery: battery,
                                  hydrogenStorage: storage, gridImport: gridImport.0,
                                  exportCapShare: export.cap, enforceExportCap: export.enforce)
        var module = HydrogenModule(plant: plant, profiles: profiles, exportPrice: export.prices, hydrogenSales: sales,
                                    exportVATRate: export.vatRate, importEscalation: gridImport.1, importVATRate: gridImport.2,
                                    water: water, selfUseFees: fees)
        module.capacityCosts = capacityCosts
        module.weather = weather
        return module
    }

    static func decodeProfiles(_ f: SourceField) -> Profiles? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        if let csv = o.optional("csv")?.string() {
            if o.has("synthetic") { f.reader.fail(o.node, o.childPath("synthetic"), "give either csv or synthetic, not both") }
            do {
                let years = try HourlyTable(contentsOf: csv, wholeYears: true).resourceProfiles(file: csv)
                return years.count == 1 ? .representative(years[0]) : .record(years)
            } catch {
                f.reader.fail(o.node, o.childPath("csv"), error.description)
                return nil
            }
        }
        guard let zoneField = o.required("synthetic"), let zone = zoneField.string() else { return nil }
        let seed = o.optional("seed")?.int(min: 0).map { UInt64($0) } ?? 1
        let lat = o.optional("latitude")?.double(min: -90, max: 90)
        let lon = o.optional("longitude")?.double(min: -180, max: 180)
        let windHours = o.optional("windFullLoadHours")?.double(min: 0, max: 8000)
        let solarHours = o.optional("solarFullLoadHours")?.double(min: 0, max: 5000)
        let windSD = o.optional("windYearToYearSD")?.double(min: 0, max: 0.5)
        let solarSD = o.optional("solarYearToYearSD")?.double(min: 0, max: 0.5)
        var model: SyntheticResourceModel
        if let shipped = SyntheticResourceModel.shipped[zone] {
            model = shipped
        } else {
            guard let lat, let lon, let windHours, let solarHours else {
                let known = SyntheticResourceModel.shipped.keys.sorted()
                let hint = closestMatch(to: zone, in: known).map { "; did you mean '\($0)'?" } ?? ""
                f.reader.fail(zoneField.node, zoneField.path,
                              "no shipped parameters for zone '\(zone)' (shipped: \(known.joined(separator: ", ")))\(hint); or give latitude, longitude, windFullLoadHours and solarFullLoadHours")
                return nil
            }
            model = SyntheticResourceModel(zone: zone, latitude: lat, longitude: lon, windCapacityFactor: windHours / 8760,
                                           solarCapacityFactor: solarHours / 8760,
                                           provenance: .assumption(source: "synthetic: scenario-supplied parameters"))
        }
        if let lat { model.latitude = lat }
        if let lon { model.longitude = lon }
        if let windHours { model.windCapacityFactor = windHours / 8760 }
        if let solarHours { model.solarCapacityFactor = solarHours / 8760 }
        if let windSD { model.windYearToYearSD = windSD }
        if let solarSD { model.solarYearToYearSD = solarSD }
        return .synthetic(model, seed: seed)
    }

    static func decodeElectrolyser(_ f: SourceField) -> HydrogenPlant.Electrolyser? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        let mw = o.required("capacityMW")?.double(min: 0)
        let minLoad = o.optional("minimumLoad")?.double(min: 0, max: 1) ?? 0.1
        let sec = o.required("specificConsumption")?.double(above: 0)
        let degradation = o.optional("degradationPerThousandHours")?.double(min: 0, max: 1) ?? 0
        let life = o.optional("stackLifeHours")?.double(above: 0)
        let availability = o.optional("availability")?.double(max: 1, above: 0) ?? 1
        var cost = 0.0, assetClass: String?, perKW: Double?
        if let r = o.optional("stackReplacement")?.object() {
            defer { r.finish() }
            assetClass = r.required("assetClass")?.string()
            // A cost per kW follows the electrolyser's size (hydrogen.capacityCosts does the same for capex and O&M).
            if r.has("cost") && r.has("yuanPerKW") {
                _ = (r.optional("cost"), r.optional("yuanPerKW"))
                f.reader.fail(r.node, r.childPath("yuanPerKW"), "give either cost (yuan per replacement) or yuanPerKW, not both")
            } else if r.has("yuanPerKW") {
                perKW = r.required("yuanPerKW")?.double(min: 0)
            } else {
                cost = r.required("cost")?.double(min: 0) ?? 0
            }
        }
        guard let mw, let sec else { return nil }
        var electrolyser = HydrogenPlant.Electrolyser(capacityMW: mw, minimumLoad: minLoad, specificConsumption: sec,
                                                      degradationPerThousandHours: degradation, stackLifeHours: life,
                                                      stackReplacementCost: cost, stackAssetClass: assetClass)
        electrolyser.availability = availability
        electrolyser.stackReplacementYuanPerKW = perKW
        electrolyser.stackReplacementCost = electrolyser.stackReplacementCost(capacityMW: mw)
        return electrolyser
    }

    static func decodeBattery(_ f: SourceField) -> HydrogenPlant.Battery? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        let p = o.required("powerMW")?.double(min: 0)
        let e = o.required("energyMWh")?.double(min: 0)
        let eta = o.optional("roundTripEfficiency")?.double(above: 0) ?? 0.88
        let soc = o.optional("initialStateOfCharge")?.double(min: 0, max: 1) ?? 0.5
        if eta > 1 { f.reader.fail(o.node, o.childPath("roundTripEfficiency"), "must be <= 1 (got \(eta))"); return nil }
        guard let p, let e else { return nil }
        return .init(powerMW: p, energyMWh: e, roundTripEfficiency: eta, initialStateOfCharge: soc)
    }

    static func decodeStorage(_ f: SourceField) -> HydrogenPlant.HydrogenStorage? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        let capacity = o.required("capacityKg")?.double(min: 0)
        let offtake = o.required("offtakeKgPerHour")?.double(min: 0)
        let fill = o.optional("initialFill")?.double(min: 0, max: 1) ?? 0.5
        guard let capacity, let offtake else { return nil }
        return .init(capacityKg: capacity, offtakeKgPerHour: offtake, initialFill: fill)
    }

    static func decodeImport(_ f: SourceField) -> (HydrogenPlant.GridImport, Double, Double)? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        let ruleName = o.optional("rule")?.string() ?? "none"
        let maxPrice = o.optional("maxPrice")?.double()
        let escalation = o.optional("escalation")?.growthRate() ?? 0
        let vat = o.optional("vatRate")?.double(min: 0, max: 1) ?? 0
        _ = o.optional("assumption")?.string()
        let pricing = GreenPowerPricing.decode(o, f, defaultVoltage: .kV110)
        var rule: HydrogenPlant.GridImport.Rule?
        switch ruleName {
        case "none": rule = HydrogenPlant.GridImport.Rule.none
        case "keepMinimumLoad": rule = .keepMinimumLoad
        case "belowPrice":
            if let maxPrice { rule = .belowPrice(maxPrice: maxPrice) } else {
                f.reader.fail(o.node, o.childPath("maxPrice"), "missing required key for rule belowPrice (yuan/kWh)")
            }
        default:
            let names = ["none", "keepMinimumLoad", "belowPrice"]
            let hint = closestMatch(to: ruleName, in: names).map { "; did you mean '\($0)'?" } ?? ""
            f.reader.fail(o.node, o.childPath("rule"), "'\(ruleName)' is not one of \(names.joined(separator: ", "))\(hint)")
        }
        guard let rule, let pricing else { return nil }
        return (.init(rule: rule, pricing: pricing), escalation, vat)
    }

    static func decodeExport(_ f: SourceField) -> (cap: Double, enforce: Bool, prices: [Double], vatRate: Double)? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        let cap = o.optional("capShare")?.double(min: 0, max: 1) ?? HydrogenPlant.regionalExportCapShare
        let enforce = o.optional("enforceCap")?.bool() ?? true
        let vat = o.optional("vatRate")?.double(min: 0, max: 1) ?? 0
        _ = o.optional("assumption")?.string()
        let n = ResourceProfile.hoursPerYear
        if let csv = o.optional("csv")?.string() {
            for key in ["price", "timeOfUse"] where o.has(key) {
                f.reader.fail(o.node, o.childPath(key), "give either csv or price, not both")
            }
            do {
                let table = try HourlyTable(contentsOf: csv)
                guard let prices = table.columns["price"] else {
                    f.reader.fail(o.node, o.childPath("csv"), "\(csv): missing column 'price' (yuan/kWh)")
                    return nil
                }
                return (cap, enforce, prices, vat)
            } catch {
                f.reader.fail(o.node, o.childPath("csv"), error.description)
                return nil
            }
        }
        guard let price = o.required("price")?.double() else { return nil }
        var tou = TimeOfUse.flat
        if let field = o.optional("timeOfUse") {
            guard let list = field.list({ $0.double(min: 0) }) else { return nil }
            guard list.count == 24 else {
                f.reader.fail(field.node, field.path, "must list 24 multipliers, one per hour of day (got \(list.count))")
                return nil
            }
            tou = TimeOfUse(multipliers: list)
        }
        return (cap, enforce, (0..<n).map { price * tou.multiplier(hour: $0) }, vat)
    }

    static func decodeWater(_ f: SourceField) -> Water? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        let perKg = o.required("tonnesPerKg")?.double(min: 0)
        let price = o.optional("price")?.double(min: 0) ?? 10.4
        let escalation = o.optional("escalation")?.growthRate() ?? 0
        let vat = o.optional("vatRate")?.double(min: 0, max: 1) ?? 0
        guard let perKg else { return nil }
        return Water(tonnesPerKg: perKg, price: price, escalation: escalation, vatRate: vat)
    }

    static func decodeFees(_ f: SourceField) -> SelfUseFees? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        let backup = o.optional("systemBackupFee")?.double(min: 0) ?? 0
        let cross = o.optional("crossSubsidy")?.double(min: 0) ?? 0
        let exempt = o.optional("exempt")?.bool() ?? true
        _ = o.optional("assumption")?.string()
        return SelfUseFees(systemBackupFee: backup, crossSubsidy: cross, exempt: exempt)
    }
}
