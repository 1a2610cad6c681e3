extension CompiledIncentive {
    /// A reduced CIT rate or a tax holiday: it pays no cash of its own but lowers the income tax,
    /// so reports say "acts on the CIT rate" rather than a total of 0.00 (issue 25).
    public var isTaxPreference: Bool {
        switch kind {
        case .taxRate, .taxHoliday: return true
        default: return false
        }
    }
}
