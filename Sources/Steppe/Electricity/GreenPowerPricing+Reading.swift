extension GreenPowerPricing {
    static let bases = ["catalogue", "strategicEmergingIndustry", "market", "fixed"]
    static let industries = ["strategicIndustry", "monoPolySilicon"]

    /// Reads pricing keys from a mapping that may hold other keys too (the caller finishes it):
    /// `voltage`, `basis`, `price`, `renewableShare`, `renewablePrice`, `otherPrice`, `industry`,
    /// `renewableShareCap`, `transmissionDistributionFee`, `crossSubsidy`, `timeOfUse`.
    static func decode(_ o: SourceObject, _ f: SourceField, defaultVoltage: VoltageLevel? = nil) -> GreenPowerPricing? {
        let voltage = defaultVoltage.map { o.optional("voltage")?.choice(VoltageLevel.self) ?? $0 }
            ?? o.required("voltage")?.choice(VoltageLevel.self)
        let basisName = o.optional("basis")?.string() ?? "catalogue"
        let price = o.optional("price")?.double()
        let renewableShare = o.optional("renewableShare")?.double(min: 0, max: 1)
        let renewablePrice = o.optional("renewablePrice")?.double()
        let otherPrice = o.optional("otherPrice")?.double()
        let industryName = o.optional("industry")?.string()
        let otherCap = o.optional("renewableShareCap")?.double(min: 0, max: 1)
        let td = o.optional("transmissionDistributionFee")?.double(min: 0) ?? 0
        let cross = o.optional("crossSubsidy")?.double(min: 0) ?? 0
        var tou = TimeOfUse.flat
        var failed = false
        if let field = o.optional("timeOfUse") {
            if let list = field.list({ $0.double(min: 0) }), list.count == 24 {
                tou = TimeOfUse(multipliers: list)
            } else {
                if case .sequence(let items) = field.node.value, items.count != 24 {
                    f.reader.fail(field.node, field.path, "must list 24 multipliers, one per hour of day (got \(items.count))")
                }
                failed = true
            }
        }
        func need<T>(_ value: T?, _ key: String) -> T? {
            if value == nil, !o.has(key) { f.reader.fail(o.node, o.childPath(key), "missing required key for basis \(basisName)") }
            return value
        }
        var basis: Basis?
        switch basisName {
        case "catalogue":
            basis = .catalogue
        case "strategicEmergingIndustry":
            if let p = need(price, "price") {
                if (0.29...0.33).contains(p) { basis = .strategicEmergingIndustry(price: p) } else {
                    f.reader.fail(o.node, o.childPath("price"),
                                  "must be within the Mengxi strategic-emerging-industry band 0.29-0.33 yuan/kWh (002_4322e846ed20b2fa.txt L180-182) (got \(p))")
                }
            }
        case "market":
            var cap: RenewableShareCap?
            switch (industryName, otherCap) {
            case ("strategicIndustry"?, nil): cap = .strategicIndustry
            case ("monoPolySilicon"?, nil): cap = .monoPolySilicon
            case (nil, let c?): cap = .other(c)
            case (let name?, nil):
                f.reader.fail(o.node, o.childPath("industry"), "'\(name)' is not one of \(industries.joined(separator: ", "))")
            case (_?, _?):
                f.reader.fail(o.node, o.childPath("renewableShareCap"), "give either industry or renewableShareCap, not both")
            case (nil, nil):
                f.reader.fail(o.node, o.childPath("industry"),
                              "missing: strategicIndustry (58% cap) or monoPolySilicon (42%), or a renewableShareCap assumption")
            }
            if let share = need(renewableShare, "renewableShare"), let rp = need(renewablePrice, "renewablePrice"),
               let op = need(otherPrice, "otherPrice"), let cap {
                if share > cap.share + 1e-12 {
                    let source: String
                    switch cap {
                    case .strategicIndustry: source = "the cap for strategic-emerging-industry users (002_4322e846ed20b2fa.txt L386-392)"
                    case .monoPolySilicon: source = "the cap for mono- and poly-silicon users (002_4322e846ed20b2fa.txt L394-396)"
                    case .other: source = "renewableShareCap"
                    }
                    f.reader.fail(o.node, o.childPath("renewableShare"), "must be <= \(cap.share.formattedPlain), \(source) (got \(share.formattedPlain))")
                } else {
                    basis = .market(renewableShare: share, renewablePrice: rp, otherPrice: op, industry: cap)
                }
            }
        case "fixed":
            if let p = need(price, "price") { basis = .fixed(price: p) }
        default:
            let hint = closestMatch(to: basisName, in: bases).map { "; did you mean '\($0)'?" } ?? ""
            f.reader.fail(o.node, o.childPath("basis"), "'\(basisName)' is not one of \(bases.joined(separator: ", "))\(hint)")
        }
        guard let voltage, let basis, !failed else { return nil }
        return GreenPowerPricing(voltage: voltage, basis: basis, transmissionDistributionFee: td,
                                 crossSubsidy: cross, timeOfUse: tou)
    }
}
