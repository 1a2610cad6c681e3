extension TalentAllowance {
    static let seed = "002_4322e846ed20b2fa.txt"

    /// A per-tier amount table: the amount of `tier`, or nil without a listed tier.
    static func byTier(_ tier: TalentTier?, _ table: [TalentTier: Double]) -> Double? { tier.flatMap { table[$0] } }

    /// Degree-based monthly rates of the retention allowance: 3000 / 2000 / 1500 yuan
    /// (博士 / 硕士、副高、高级技师 / 本科、中级、技师).
    static func retentionRate(_ c: TalentCategory) -> Double? {
        switch c {
        case .phd: return 3000
        case .master, .seniorTechnician: return 2000
        case .bachelor, .bachelorKeyUniversity, .technician: return 1500
        case .executive, .worker: return nil
        }
    }

    // MARK: Ordos city (更加积极开放有效人才政策若干措施, 002 L8629-9189)

    /// Settling-in grant (安家补贴) for full-time hires: A at least 300万 (L8649-8651); B-F 300/250/200/100/80万 (L8662-8666).
    public static let ordosSettlingIn = TalentAllowance(
        id: "talent.ordos-settling", title: "Ordos settling-in grant, tiers A-F (安家补贴 300/300/250/200/100/80万)",
        jurisdiction: .ordos, family: "settling-in", payee: .person, schedule: .oneOff(afterYears: 0),
        provenance: .seed(document: seed, lines: "8649-8666")) { c, _ in
            guard c.mode == .fullTime else { return nil }
            return byTier(c.ordosTier, [.A: 3_000_000, .B: 3_000_000, .C: 2_500_000, .D: 2_000_000, .E: 1_000_000, .F: 800_000])
        }

    /// Key-firm executives paid at least 60万 pre-tax with a contract of 3 years or more: 10万 once (L8729-8735).
    public static let ordosKeyFirmExecutive = TalentAllowance(
        id: "talent.ordos-key-firm-executive", title: "Ordos key-firm executive living subsidy (10万, pay >= 60万)",
        jurisdiction: .ordos, family: "hiring-living-subsidy", payee: .person, schedule: .oneOff(afterYears: 0),
        provenance: .seed(document: seed, lines: "8729-8735")) { c, ctx in
            ctx.keyFirm && c.category == .executive && c.annualWage >= 600_000 ? 100_000 : nil
        }

    /// Key-firm new bachelor graduates: 1万 once (L8733-8735).
    public static let ordosKeyFirmGraduate = TalentAllowance(
        id: "talent.ordos-key-firm-graduate", title: "Ordos key-firm new bachelor graduate living subsidy (1万)",
        jurisdiction: .ordos, family: "hiring-living-subsidy", payee: .person, schedule: .oneOff(afterYears: 0),
        provenance: .seed(document: seed, lines: "8733-8735")) { c, ctx in
            ctx.keyFirm && (c.category == .bachelor || c.category == .bachelorKeyUniversity) ? 10_000 : nil
        }

    /// Key-firm hires from outside the city, after 3 years' stable work and still employed:
    /// 3000/2000/1500 yuan a month for at most 24 months, stopping the month after leaving (L8735-8743).
    public static let ordosRetention = TalentAllowance(
        id: "talent.ordos-retention", title: "Ordos retention living allowance after 3 years (3000/2000/1500 yuan a month, 24 months)",
        jurisdiction: .ordos, family: "retention", payee: .person, schedule: .monthly(months: 24, afterYears: 3),
        provenance: .seed(document: seed, lines: "8735-8743")) { c, ctx in
            ctx.keyFirm && c.origin == .outsideCity ? retentionRate(c.category) : nil
        }

    /// Employer award for full-time hires of tiers A-D: 200/150/100/50万 (L8765-8767).
    public static let ordosEmployerAward = TalentAllowance(
        id: "talent.ordos-employer-award", title: "Ordos award to the employer for full-time hires of tiers A-D (200/150/100/50万)",
        jurisdiction: .ordos, family: "employer-award", payee: .firm, schedule: .oneOff(afterYears: 0),
        provenance: .seed(document: seed, lines: "8765-8767")) { c, _ in
            guard c.mode == .fullTime else { return nil }
            return byTier(c.ordosTier, [.A: 2_000_000, .B: 1_500_000, .C: 1_000_000, .D: 500_000])
        }

    /// Flexible hires of tier D or above: 30% of pay to the employer, at most 30万 a person and 200万
    /// a firm in the same year, for at most 5 years (L8767-8773).
    public static let ordosFlexibleHire = TalentAllowance(
        id: "talent.ordos-flexible-hire", title: "Ordos flexible-hire subsidy: 30% of pay (<= 30万 a person, 200万 a firm a year, 5 years)",
        jurisdiction: .ordos, family: "flexible-hire", payee: .firm, schedule: .shareOfPay(capPerPersonYear: 300_000, years: 5),
        firmCapPerYear: 2_000_000, provenance: .seed(document: seed, lines: "8767-8773")) { c, _ in
            guard c.mode == .flexible, let t = c.ordosTier, t <= .D else { return nil }
            return 0.30
        }

    /// Rent subsidy for full-time hires working in the central urban area without a home there or
    /// other housing benefits: 2000 (PhD) / 1500 (master, associate-senior, senior technician, key-university
    /// bachelor) yuan a month for at most 36 months (L9007-9013). Housing benefits exclude it, so it
    /// shares the settling-in family (a reading of "未享受市、旗区两级住房优待政策", L9009).
    public static let ordosRent = TalentAllowance(
        id: "talent.ordos-rent", title: "Ordos rent subsidy in the central urban area (2000/1500 yuan a month, 36 months)",
        jurisdiction: .ordos, family: "settling-in", payee: .person, schedule: .monthly(months: 36, afterYears: 0),
        provenance: .seed(document: seed, lines: "9007-9013")) { c, ctx in
            guard ctx.centralUrbanArea, c.mode == .fullTime, c.origin != .local else { return nil }
            switch c.category {
            case .phd: return 2000
            case .master, .seniorTechnician, .bachelorKeyUniversity: return 1500
            default: return nil
            }
        }

    // MARK: Ejin Horo Banner (关于加强新时代人才工作助推高质量发展的若干措施, 002 L9731-10398)

    /// Newly hired urgently needed tier D: special post allowance of at most 30万 a year for at most
    /// 10 years (L9761-9763); the ceiling is used.
    public static let ejhPostAllowance = TalentAllowance(
        id: "talent.ejh-post-allowance-d", title: "Ejin Horo special post allowance for tier D (<= 30万 a year, 10 years)",
        jurisdiction: .ejinHoro, family: "post-allowance", payee: .person, schedule: .yearly(years: 10),
        provenance: .seed(document: seed, lines: "9761-9763")) { c, _ in
            c.bannerTier == .D ? 300_000 : nil
        }

    /// Key-firm hires of tiers E and F from outside the banner, after 3 years and still employed:
    /// 3000/2000/1500 yuan a month for at most 2 years (L9771-9779).
    public static let ejhRetention = TalentAllowance(
        id: "talent.ejh-retention", title: "Ejin Horo retention living allowance for tiers E-F after 3 years (3000/2000/1500 yuan a month, 2 years)",
        jurisdiction: .ejinHoro, family: "retention", payee: .person, schedule: .monthly(months: 24, afterYears: 3),
        provenance: .seed(document: seed, lines: "9771-9779")) { c, ctx in
            guard ctx.keyFirm, c.origin != .local, let t = c.bannerTier, t >= .E else { return nil }
            return retentionRate(c.category)
        }

    /// Key-firm executives (pay at least 60万, contract of 3 years or more): 10万 once (L9779-9783).
    public static let ejhKeyFirmExecutive = TalentAllowance(
        id: "talent.ejh-key-firm-executive", title: "Ejin Horo key-firm executive living subsidy (10万, pay >= 60万)",
        jurisdiction: .ejinHoro, family: "hiring-living-subsidy", payee: .person, schedule: .oneOff(afterYears: 0),
        provenance: .seed(document: seed, lines: "9779-9783")) { c, ctx in
            ctx.keyFirm && c.category == .executive && c.annualWage >= 600_000 ? 100_000 : nil
        }

    /// Employer award for rigid hires of tiers A-C: at most 200/150/50万 (L9800-9804); the ceilings are used.
    public static let ejhEmployerAward = TalentAllowance(
        id: "talent.ejh-employer-award", title: "Ejin Horo award to the employer for rigid hires of tiers A-C (<= 200/150/50万)",
        jurisdiction: .ejinHoro, family: "employer-award", payee: .firm, schedule: .oneOff(afterYears: 0),
        provenance: .seed(document: seed, lines: "9800-9804")) { c, _ in
            guard c.mode == .fullTime else { return nil }
            return byTier(c.bannerTier, [.A: 2_000_000, .B: 1_500_000, .C: 500_000])
        }

    /// Flexible hires of tiers A-C: 30% of pre-tax pay to the employer, at most 30万 a person a year
    /// and 200万 a firm in all, for at most 5 years (L9804-9808).
    public static let ejhFlexibleHire = TalentAllowance(
        id: "talent.ejh-flexible-hire", title: "Ejin Horo flexible-hire subsidy: 30% of pay (<= 30万 a person a year, 200万 a firm in all, 5 years)",
        jurisdiction: .ejinHoro, family: "flexible-hire", payee: .firm, schedule: .shareOfPay(capPerPersonYear: 300_000, years: 5),
        firmCapTotal: 2_000_000, provenance: .seed(document: seed, lines: "9804-9808")) { c, _ in
            guard c.mode == .flexible, let t = c.bannerTier, t <= .C else { return nil }
            return 0.30
        }

    /// Settling-in grants for full-time hires: A at least 300万, B/C/D at most 300/200/80万 (L10286-10290),
    /// the ceilings used; else PhD, master or first-class-university bachelor with a contract of 3 years
    /// or more and social insurance in the banner: 5-40万 (L10290-10294), by default its lower end
    /// (`Context.bannerDegreeSettlingIn`, an assumption: the seeds give no rule within the range).
    public static let ejhSettlingIn = TalentAllowance(
        id: "talent.ejh-settling", title: "Ejin Horo settling-in grant (A >= 300万, B/C/D <= 300/200/80万; degrees 5-40万)",
        jurisdiction: .ejinHoro, family: "settling-in", payee: .person, schedule: .oneOff(afterYears: 0),
        provenance: .seed(document: seed, lines: "10286-10294")) { c, ctx in
            guard c.mode == .fullTime else { return nil }
            if let amount = byTier(c.bannerTier, [.A: 3_000_000, .B: 3_000_000, .C: 2_000_000, .D: 800_000]) { return amount }
            switch c.category {
            case .phd, .master, .bachelorKeyUniversity: return ctx.bannerDegreeSettlingIn
            default: return nil
            }
        }

    /// The allowances a talent section uses.
    public static let catalogue: [TalentAllowance] = [
        ordosSettlingIn, ordosKeyFirmExecutive, ordosKeyFirmGraduate, ordosRetention, ordosEmployerAward, ordosFlexibleHire,
        ordosRent, ejhPostAllowance, ejhRetention, ejhKeyFirmExecutive, ejhEmployerAward, ejhFlexibleHire, ejhSettlingIn,
    ]
}
