extension DairyModule {
    /// Reads the `dairy:` section (docs/scenario-format.md lists its keys).
    static func read(_ f: SourceField) -> (any ScenarioModule)? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        let herd = o.required("herd").flatMap(decodeHerd)
        let yields = o.required("lactationYieldTonnes")?.list { $0.double(min: 0) }
        if let yields, yields.isEmpty, let field = o.optional("lactationYieldTonnes") {
            f.reader.fail(field.node, field.path, "must list at least one value (t per lactation by parity)")
        }
        let milk = o.required("milk").flatMap(decodeMilk)
        func sales(_ key: String) -> Sales? { o.optional(key).map(SalesTerms.read) ?? Sales(price: 0) }
        let cull = sales("cullCows"), heifers = sales("surplusHeifers"), calves = sales("surplusCalves")
        var purchases: Purchases?, purchasesFailed = false
        if let p = o.optional("purchases") { purchases = decodePurchases(p); purchasesFailed = purchases == nil }
        let feeds = o.optional("feeds")?.list(decodeFeed) ?? []
        let silageFeed = o.optional("silageFeed")?.string() ?? "silage-maize"
        let costs = o.optional("costsPerHead")?.list(decodeHeadCost) ?? []
        var staff: Staff?, staffFailed = false
        if let s = o.optional("staff") { staff = decodeStaff(s); staffFailed = staff == nil }
        var insurance: Insurance?, insuranceFailed = false
        if let i = o.optional("insurance") { insurance = decodeInsurance(i); insuranceFailed = insurance == nil }
        let catalogued = DairySubsidy.subsidies(in: f.reader.catalogueContext?.catalogue ?? .empty)
        let subsidies = o.optional("subsidies").map { decodeSubsidies($0, catalogued) } ?? catalogued
        guard let herd, let yields, !yields.isEmpty, let milk, let cull, let heifers, let calves, !purchasesFailed,
              !staffFailed, !insuranceFailed, let subsidies else { return nil }
        if let id = o.optional("silageFeed")?.string(), !feeds.contains(where: { $0.id == id }), let field = o.optional("silageFeed") {
            f.reader.fail(field.node, field.path, "unknown feed '\(id)'\(suggestion(id, feeds.map(\.id)))")
            return nil
        }
        return DairyModule(herd: herd, lactationYieldTonnes: yields, milk: milk, cullCows: cull, surplusHeifers: heifers,
                           surplusCalves: calves, purchases: purchases, feeds: feeds, silageFeedID: silageFeed,
                           headCosts: costs, staff: staff, insurance: insurance, subsidies: subsidies)
    }

    static func decodeHerd(_ f: SourceField) -> HerdParameters? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        let places = o.required("cowPlaces")?.yearly(min: 0)
        let heiferPlaces = o.optional("heiferPlaces")?.double(min: 0)
        let interval = o.optional("calvingIntervalDays")?.double(min: 365, max: 730) ?? 400
        let lactation = o.optional("lactationDays")?.double(min: 0, max: 730) ?? 305
        let age = o.optional("ageAtFirstCalvingYears")?.int(min: 2, max: 5) ?? 2
        let female = o.optional("femaleCalfShare")?.double(min: 0, max: 1) ?? 0.47
        var sexedShare = 0.0, sexedFemale = 0.9
        if let s = o.optional("sexedSemen")?.object() {
            defer { s.finish() }
            sexedShare = s.required("share")?.double(min: 0, max: 1) ?? 0
            sexedFemale = s.optional("femaleShare")?.double(min: 0, max: 1) ?? 0.9
        }
        var calfM = 0.06, heiferM = 0.02, cowM = 0.04
        if let m = o.optional("mortality")?.object() {
            defer { m.finish() }
            calfM = m.optional("calves")?.double(min: 0, max: 1) ?? calfM
            heiferM = m.optional("heifers")?.double(min: 0, max: 1) ?? heiferM
            cowM = m.optional("cows")?.double(min: 0, max: 1) ?? cowM
        }
        let culling = o.optional("cullingRateByParity")?.list { $0.double(min: 0, max: 1) } ?? [0.2, 0.22, 0.25, 0.3, 0.4]
        if culling.isEmpty, let field = o.optional("cullingRateByParity") {
            f.reader.fail(field.node, field.path, "must list at least one rate (one per parity class)")
        }
        let purchases = o.optional("maxPurchasesPerYear")?.double(min: 0) ?? 0
        guard let places, !culling.isEmpty else { return nil }
        let h = HerdParameters(cowPlaces: places, heiferPlaces: heiferPlaces, calvingIntervalDays: interval, lactationDays: lactation,
                               ageAtFirstCalvingYears: age, femaleCalfShare: female, sexedSemenShare: sexedShare,
                               sexedFemaleShare: sexedFemale, calfMortality: calfM, heiferMortality: heiferM, cowMortality: cowM,
                               cullingRateByParity: culling, maxPurchasesPerYear: purchases)
        for (key, message) in h.problems() { f.reader.fail(o.node, o.childPath(key), message) }
        return h.problems().isEmpty ? h : nil
    }

    static func decodeMilk(_ f: SourceField) -> MilkSales? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        let price = o.required("price")?.double(min: 0)
        let escalation = o.optional("escalation")?.growthRate() ?? 0
        let vat = o.optional("vatRate")?.double(min: 0, max: 1) ?? 0
        let saleable = o.optional("saleableShare")?.double(min: 0, max: 1) ?? 0.97
        let floor = o.optional("contractFloor")?.double(min: 0)
        _ = o.optional("assumption")?.string()
        guard let price else { return nil }
        return MilkSales(price: price, escalation: escalation, vatRate: vat, saleableShare: saleable, contractFloor: floor)
    }

    static func decodePurchases(_ f: SourceField) -> Purchases? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        let price = o.required("pricePerHead")?.double(min: 0)
        let imported = o.optional("imported")?.bool() ?? false
        let cls = o.optional("assetClass")?.string()
        let escalation = o.optional("escalation")?.growthRate() ?? 0
        guard let price else { return nil }
        return Purchases(pricePerHead: price, imported: imported, assetClass: cls, escalation: escalation)
    }

    static func decodeClassAmounts(_ f: SourceField) -> HeadClassAmounts? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        let calf = o.optional("calf")?.double(min: 0) ?? 0
        let heifer = o.optional("heifer")?.double(min: 0) ?? 0
        let lactating = o.optional("lactating")?.double(min: 0) ?? 0
        let dry = o.optional("dry")?.double(min: 0) ?? 0
        return HeadClassAmounts(calf: calf, heifer: heifer, lactating: lactating, dry: dry)
    }

    static func decodeFeed(_ f: SourceField) -> Feed? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        let id = o.required("id")?.string()
        let ration = o.required("tonnesPerHeadYear").flatMap(decodeClassAmounts)
        let price = o.required("price")?.double(min: 0)
        let escalation = o.optional("escalation")?.growthRate() ?? 0
        let vat = o.optional("vatRate")?.double(min: 0, max: 1) ?? 0
        _ = o.optional("assumption")?.string()
        guard let id, let ration, let price else { return nil }
        return Feed(id: id, tonnesPerHeadYear: ration, price: price, escalation: escalation, vatRate: vat)
    }

    static func decodeHeadCost(_ f: SourceField) -> HeadCost? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        let id = o.required("id")?.string()
        let amounts = o.required("yuanPerHeadYear").flatMap(decodeClassAmounts)
        let escalation = o.optional("escalation")?.growthRate() ?? 0
        let vat = o.optional("vatRate")?.double(min: 0, max: 1) ?? 0
        _ = o.optional("assumption")?.string()
        guard let id, let amounts else { return nil }
        return HeadCost(id: id, yuanPerHeadYear: amounts, escalation: escalation, vatRate: vat)
    }

    static func decodeStaff(_ f: SourceField) -> Staff? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        let cows = o.required("cowsPerWorker")?.double(above: 0)
        let young = o.optional("youngStockPerWorker")?.double(above: 0)
        let wage = o.required("annualWage")?.double(min: 0)
        let onCost = o.optional("onCostRate")?.double(min: 0, max: 2) ?? 0
        let escalation = o.optional("escalation")?.growthRate() ?? 0
        _ = o.optional("assumption")?.string()
        guard let cows, let wage else { return nil }
        return Staff(cowsPerWorker: cows, youngStockPerWorker: young, annualWage: wage, onCostRate: onCost, escalation: escalation)
    }

    static func decodeInsurance(_ f: SourceField) -> Insurance? {
        guard let o = f.object() else { return nil }
        defer { o.finish() }
        let sum = o.optional("sumInsuredPerHead")?.double(min: 0) ?? 10_000
        let rate = o.optional("premiumRate")?.double(min: 0, max: 1) ?? 0.05
        let share = o.optional("governmentShare")?.double(min: 0, max: 1)
        let enabled = o.optional("premiumSupport")?.bool() ?? true
        var source = Insurance.defaultShareSource
        if share != nil {
            guard let p = Scenario.decodeProvenance(o, f) else { return nil }
            source = p
        }
        return Insurance(sumInsuredPerHead: sum, premiumRate: rate, governmentShare: share ?? 0.75,
                         governmentShareSource: source, enabled: enabled)
    }

    /// `subsidies:` maps catalogue ids to `{enabled, taxable}` (and `paid`, `amountPerHead` for the band subsidy).
    static func decodeSubsidies(_ f: SourceField, _ catalogued: [DairySubsidy]) -> [DairySubsidy]? {
        guard let o = f.object() else { return nil }
        var out = catalogued
        var ok = true
        for i in out.indices {
            guard o.has(out[i].id) else { _ = o.optional(out[i].id); continue }
            guard let field = o.optional(out[i].id), let s = field.object() else { ok = false; continue }
            defer { s.finish() }
            if let e = s.optional("enabled")?.bool() { out[i].enabled = e }
            if let t = s.optional("taxable")?.bool() { out[i].taxable = t }
            if case .perHeadInBand(let lo, let hi, let perHead, let payment) = out[i].rule {
                let paid = s.optional("paid")?.choice(DairySubsidy.Payment.self) ?? payment
                let amount = s.optional("amountPerHead")?.double(min: 0, max: perHead) ?? perHead
                out[i].rule = .perHeadInBand(minHead: lo, maxHead: hi, amountPerHead: amount, payment: paid)
            }
        }
        o.finish()
        return ok ? out : nil
    }
}
