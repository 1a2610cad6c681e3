extension DairySubsidy {
    /// The seed document of the dairy measures (内蒙古自治区推进奶产业高质量发展若干政策措施,
    /// 002 L977-1223) and the policy insurance rates (L746-750).
    static let seed = "002_4322e846ed20b2fa.txt"

    /// 存栏达到3000头补贴600万元，每增加500头再补贴100万元 (002 L1042-1050). Only for farms begun
    /// after 2019 and before the measures were issued, or with a signed investment-promotion
    /// agreement (招商引资协议, L1042-1044); later farms get case-by-case support (一场一策,
    /// L1052-1054). Off by default: a scenario enables it by asserting that condition.
    public static let scaleFarm = DairySubsidy(
        id: "dairy.scale-farm-base", title: "Scale dairy farm grant: 6 million yuan at 3000 cows, 1 million per further 500 (存栏达到3000头补贴600万元)",
        rule: .herdReaches(head: 3000, amount: 6_000_000, stepHead: 500, stepAmount: 1_000_000),
        provenance: .seed(document: seed, lines: "1042-1050"), enabled: false)

    /// 存栏规模在100—3000头的养殖主体，按每头不超过400元 (002 L1056-1059): for family farms,
    /// cooperatives and other new-type operators keeping Holsteins. The amount is a ceiling (400 is
    /// used) and the frequency is not stated (`once` by default). Off by default: a scenario
    /// enables it by asserting the operator type.
    public static let perHeadBand = DairySubsidy(
        id: "dairy.per-head-100-3000", title: "Per-head subsidy for herds of 100-3000 cows, up to 400 yuan a head (存栏100—3000头)",
        rule: .perHeadInBand(minHead: 100, maxHead: 3000, amountPerHead: 400, payment: .once),
        provenance: .seed(document: seed, lines: "1056-1059"), enabled: false)

    /// 进口奶牛每头补贴5000元 (region 3000 + league 2000), 002 L1050-1052. The sentence sits in the
    /// article on scale farms, so whether new farms qualify is ambiguous.
    public static let importedCow = DairySubsidy(
        id: "dairy.imported-cow", title: "Imported dairy cows: 5000 yuan a head (进口奶牛每头补贴5000元)",
        rule: .perPurchasedHead(amount: 5000), provenance: .seed(document: seed, lines: "1050-1052"))

    /// 使用奶牛性控冻精每头补贴120元 (002 L1030-1032; also the 2024 list, L900-902).
    public static let sexedSemen = DairySubsidy(
        id: "dairy.sexed-semen", title: "Sexed semen: 120 yuan per cow inseminated (性控冻精每头补贴120元)",
        rule: .perSexedInsemination(amount: 120), provenance: .seed(document: seed, lines: "1030-1032"))

    /// 按照每头奶牛5.5吨、每吨50元的标准给予青贮玉米收储补贴 (region 30 + league 20), 002 L979-987,
    /// for farms in the five milk-source bases storing silage locally; yearly per harvest (an
    /// assumption: the frequency is not written).
    public static let silageStorage = DairySubsidy(
        id: "dairy.silage-storage", title: "Silage storage: 50 yuan a tonne, up to 5.5 t per cow (青贮玉米收储补贴)",
        rule: .silagePerCow(tonnesPerCow: 5.5, perTonne: 50), provenance: .seed(document: seed, lines: "979-987"))

    /// 对奶牛规模场结核病检测每头补贴15元 (002 L1205-1207); once a year per cow (an assumption:
    /// the frequency is not stated).
    public static let tbTesting = DairySubsidy(
        id: "dairy.tb-testing", title: "Tuberculosis testing: 15 yuan per cow tested (结核病检测每头补贴15元)",
        rule: .perCowTested(amount: 15), provenance: .seed(document: seed, lines: "1205-1207"))

    /// The subsidies a dairy section uses unless it says otherwise.
    public static let defaults: [DairySubsidy] = [scaleFarm, perHeadBand, importedCow, sexedSemen, silageStorage, tbTesting]
}
