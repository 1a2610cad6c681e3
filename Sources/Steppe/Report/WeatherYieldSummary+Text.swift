extension WeatherYieldSummary {
    /// The table of the text summary: one row per year and one for the life (hydrogen in t, energy in GWh).
    public var text: String {
        var out = "weather drawn per path (\(poolYears) synthetic years), first \(paths) paths: P10 / P50 / P90\n"
        out += "year               hydrogen t              export GWh           curtailed GWh            export share     cap binds\n"
        func cell(_ b: Band, _ scale: Double, _ format: String) -> String {
            [b.p10, b.p50, b.p90].map { String(format: format, $0 * scale) }.joined(separator: " / ")
        }
        func row(_ label: String, _ bands: [Band], _ binding: String) -> String {
            var line = label.padding(toLength: 6, withPad: " ", startingAt: 0)
            line += MonteCarloText.pad(cell(bands[0], 1e-3, "%.0f"), 25)
            line += MonteCarloText.pad(cell(bands[1], 1e-3, "%.1f"), 24)
            line += MonteCarloText.pad(cell(bands[2], 1e-3, "%.1f"), 24)
            line += MonteCarloText.pad(cell(bands[3], 100, "%.1f%%"), 24)
            return line + MonteCarloText.pad(binding, 14) + "\n"
        }
        for (k, year) in years.enumerated() {
            out += row(String(year), quantities.map { $0.yearly[k] }, String(format: "%.1f%%", capBindingProbability[k] * 100))
        }
        out += row("life", quantities.map(\.lifetime), String(format: "%.1f%% of years", capBindingShareOfYears * 100))
        out += "life: sums over the operating years (export share: lifetime export over lifetime generation); the lenders' P90 yield is the P10 column\n"
        return out
    }
}
