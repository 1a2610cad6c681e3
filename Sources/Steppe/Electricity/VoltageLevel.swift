/// Supply voltage of a load, which sets its catalogue tariff.
public enum VoltageLevel: String, Sendable, Equatable, CaseIterable {
    case below1kV
    case kV1to10
    case kV110
    case kV220AndAbove

    /// The industrial catalogue tariff (工业用电) in Ejin Horo on the Mengxi grid, yuan/kWh:
    /// 0.504 below 1 kV, 0.477 at 1-10 kV (002_4322e846ed20b2fa.txt L176), 0.401 at 110 kV,
    /// 0.394 at 220 kV and above (L178). The seed prints one price per level with no
    /// time-of-use periods, demand charge or split into energy and fees, so Steppe treats it
    /// as an all-in delivered price. The seed lists no 35 kV price.
    public var industrialTariff: Double {
        switch self {
        case .below1kV: return 0.504
        case .kV1to10: return 0.477
        case .kV110: return 0.401
        case .kV220AndAbove: return 0.394
        }
    }
}
