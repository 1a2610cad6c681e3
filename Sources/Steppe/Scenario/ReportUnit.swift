/// The unit in which reports show money. Results (JSON, CSV) always carry yuan; only the
/// rendering divides, so a report's unit never changes a number's precision in the JSON.
///
/// Finance readers in the region think in 万元 (10,000 yuan) for farm-sized projects and in
/// million yuan for industrial ones, so the scenario chooses (`reportUnit:`).
public enum ReportUnit: String, Sendable, CaseIterable {
    /// 万元: 10,000 yuan.
    case wanYuan
    /// Million yuan (the default).
    case millionYuan

    /// Yuan per unit.
    public var divisor: Double {
        switch self {
        case .wanYuan: 1e4
        case .millionYuan: 1e6
        }
    }

    /// The unit as written next to numbers and on axes.
    public var label: String {
        switch self {
        case .wanYuan: "万元"
        case .millionYuan: "million CNY"
        }
    }
}
