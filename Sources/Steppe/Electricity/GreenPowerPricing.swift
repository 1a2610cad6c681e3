/// The price of electricity for one load in Inner Mongolia (Mengxi grid), split into its
/// components so that exemptions and time-of-use can act on the right part.
///
/// Works for any load: a factory's annual kWh at a voltage level (`annualCost(kWh:)`), or
/// an electrolyser's hourly grid import (`price(hour:)`).
///
/// Components, yuan/kWh excluding VAT:
/// - **energy**: by `basis`; time-of-use multipliers act on this part only;
/// - **transmission and distribution** (输配电价): added for market and fixed-price purchases;
///   the catalogue and strategic-emerging-industry prices are all-in and include it;
/// - **system backup fee** (系统备用费) and **policy cross-subsidy** (政策性交叉补贴): charged on
///   self-generated, self-consumed power, and waived for grid-connected wind/solar-hydrogen
///   integrated projects (自发自用电量暂不征收, 002_4322e846ed20b2fa.txt L4175-4177);
///   `crossSubsidy` can also be charged on market purchases where the scenario says so.
///
/// The seeds state no T&D, backup-fee or cross-subsidy rate: those are scenario assumptions.
public struct GreenPowerPricing: Sendable, Equatable {
    /// How the energy component is priced.
    public enum Basis: Sendable, Equatable {
        /// The industrial catalogue tariff of `voltage` (002_4322e846ed20b2fa.txt L176-178), all-in.
        case catalogue
        /// The Mengxi strategic-emerging-industry price, floating in 0.29-0.33 yuan/kWh
        /// (002_4322e846ed20b2fa.txt L180-182) for the 12 catalogue industries (L184-188), all-in.
        case strategicEmergingIndustry(price: Double)
        /// A market purchase: `renewableShare` of the energy from wind/PV at `renewablePrice`,
        /// the rest at `otherPrice`; the share is capped by `industry` (405号, L386-396).
        case market(renewableShare: Double, renewablePrice: Double, otherPrice: Double, industry: RenewableShareCap)
        /// A fixed energy price, e.g. a bilateral contract.
        case fixed(price: Double)
        /// Power the project generates and uses itself (自发自用): no energy price (its cost is
        /// the plant's), no T&D; backup fee and cross-subsidy unless `exempt`.
        case selfConsumed(exempt: Bool)
    }

    /// The cap on the share of renewable (new-energy) trading for a user.
    public enum RenewableShareCap: Sendable, Equatable {
        /// Strategic-emerging-industry catalogue users except mono- and poly-silicon: 58%
        /// (内工信经运字〔2022〕405号, 002_4322e846ed20b2fa.txt L386-392).
        case strategicIndustry
        /// Mono- and poly-silicon users: 42% (002_4322e846ed20b2fa.txt L394-396).
        case monoPolySilicon
        /// Any other cap, a scenario assumption (the seeds state none for other users).
        case other(Double)

        public var share: Double {
            switch self {
            case .strategicIndustry: return 0.58
            case .monoPolySilicon: return 0.42
            case .other(let s): return s
            }
        }
    }

    /// Per-kWh components (yuan/kWh) or their annual amounts (yuan).
    public struct Breakdown: Sendable, Equatable {
        public var energy = 0.0
        public var transmissionDistribution = 0.0
        public var systemBackup = 0.0
        public var crossSubsidy = 0.0
        public init() {}
        public var total: Double { energy + transmissionDistribution + systemBackup + crossSubsidy }
    }

    public var voltage: VoltageLevel
    public var basis: Basis
    /// Transmission and distribution fee for market and fixed purchases (yuan/kWh, assumption).
    public var transmissionDistributionFee: Double
    /// System backup fee on self-consumed power (yuan/kWh, assumption).
    public var systemBackupFee: Double
    /// Policy cross-subsidy (yuan/kWh, assumption): on self-consumed power, and on market and
    /// fixed purchases.
    public var crossSubsidy: Double
    public var timeOfUse: TimeOfUse

    public init(voltage: VoltageLevel, basis: Basis = .catalogue, transmissionDistributionFee: Double = 0,
                systemBackupFee: Double = 0, crossSubsidy: Double = 0, timeOfUse: TimeOfUse = .flat) {
        self.voltage = voltage; self.basis = basis; self.transmissionDistributionFee = transmissionDistributionFee
        self.systemBackupFee = systemBackupFee; self.crossSubsidy = crossSubsidy; self.timeOfUse = timeOfUse
    }

    /// The renewable share actually priced: the requested share, capped by policy.
    /// Zero for the other bases.
    public var effectiveRenewableShare: Double {
        guard case .market(let share, _, _, let industry) = basis else { return 0 }
        return min(max(share, 0), industry.share)
    }

    /// The energy price before time-of-use (yuan/kWh).
    public var baseEnergyPrice: Double {
        switch basis {
        case .catalogue: return voltage.industrialTariff
        case .strategicEmergingIndustry(let price): return price
        case .market(_, let renewable, let other, _):
            let s = effectiveRenewableShare
            return s * renewable + (1 - s) * other
        case .fixed(let price): return price
        case .selfConsumed: return 0
        }
    }

    /// The price components of one kWh in hour `h` of the year.
    ///
    /// - Complexity: O(1).
    public func price(hour h: Int) -> Breakdown { components(energyMultiplier: timeOfUse.multiplier(hour: h)) }

    /// The cost of `kWh` spread evenly over the hours of the day (yuan, by component).
    public func annualCost(kWh: Double) -> Breakdown {
        var b = components(energyMultiplier: timeOfUse.dailyMean)
        b.energy *= kWh; b.transmissionDistribution *= kWh; b.systemBackup *= kWh; b.crossSubsidy *= kWh
        return b
    }

    /// The average all-in price of a load spread evenly over the day (yuan/kWh).
    public var averagePrice: Double { components(energyMultiplier: timeOfUse.dailyMean).total }

    private func components(energyMultiplier m: Double) -> Breakdown {
        var b = Breakdown()
        switch basis {
        case .catalogue, .strategicEmergingIndustry:
            b.energy = baseEnergyPrice * m
        case .market, .fixed:
            b.energy = baseEnergyPrice * m
            b.transmissionDistribution = transmissionDistributionFee
            b.crossSubsidy = crossSubsidy
        case .selfConsumed(let exempt):
            if !exempt { b.systemBackup = systemBackupFee; b.crossSubsidy = crossSubsidy }
        }
        return b
    }
}
