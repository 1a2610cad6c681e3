import Foundation

extension WeatherYieldSummary {
    /// What each path draws, for headings: the weather's pool and the plant's numbers.
    public var drawnDescription: String {
        var parts: [String] = []
        parts.append(poolYears.map { "weather drawn per path (\($0) synthetic years)" } ?? "base weather on every path")
        if !plantParameters.isEmpty { parts.append("plant drawn per path (\(plantParameters.joined(separator: ", ")))") }
        return parts.joined(separator: ", ")
    }

    /// The text summary: one row per year and one for the life (hydrogen in t, energy in GWh) at
    /// P10 / P50 / P90, then every quantity over the life at P10 / P50 / P90 / P99 and the lenders' yield.
    public var text: String {
        var out = "\(drawnDescription), first \(paths) paths: P10 / P50 / P90\n"
        out += "year               hydrogen t              export GWh           curtailed GWh            export share     cap binds\n"
        func cell(_ b: Band, _ scale: Double, _ format: String) -> String {
            [b.p10, b.p50, b.p90].map { String(format: format, $0 * scale) }.joined(separator: " / ")
        }
        func row(_ label: String, _ bands: [Band], _ binding: String) -> String {
            var line = label.padding(toLength: 6, withPad: " ", startingAt: 0)
            line += ReportFormat.rightAligned(cell(bands[0], 1e-3, "%.0f"), 25)
            line += ReportFormat.rightAligned(cell(bands[1], 1e-3, "%.1f"), 24)
            line += ReportFormat.rightAligned(cell(bands[2], 1e-3, "%.1f"), 24)
            line += ReportFormat.rightAligned(cell(bands[3], 100, "%.1f%%"), 24)
            return line + ReportFormat.rightAligned(binding, 14) + "\n"
        }
        for (k, year) in years.enumerated() {
            out += row(String(year), quantities.map { $0.yearly[k] }, String(format: "%.1f%%", capBindingProbability[k] * 100))
        }
        out += row("life", quantities.map(\.lifetime), String(format: "%.1f%% of years", capBindingShareOfYears * 100))
        out += "life: sums over the operating years (export share: lifetime export over lifetime generation); the lenders' P90 yield is the P10 column\n"
        out += "over the life                          P10            P50            P90            P99\n"
        let display: [String: (label: String, scale: Double, format: String)] = [
            "hydrogenProduced": ("hydrogen produced (t)", 1e-3, "%.0f"), "export": ("export (GWh)", 1e-3, "%.1f"),
            "curtailment": ("curtailed (GWh)", 1e-3, "%.1f"), "exportShare": ("export share (%)", 100, "%.2f"),
            "gridImport": ("imported (GWh)", 1e-3, "%.2f"), "operatingHours": ("electrolyser operating hours", 1, "%.0f"),
            "stackReplacements": ("stack replacements", 1, "%.0f"),
        ]
        for q in quantities {
            let (label, scale, format) = display[q.name] ?? (q.name, 1, "%.3g")
            out += label.padding(toLength: 32, withPad: " ", startingAt: 0)
                + q.lifetime.levels.map { ReportFormat.rightAligned(String(format: format, $0.value * scale), 15) }.joined() + "\n"
        }
        if let l = lenderYield {
            out += String(format: "lenders' hydrogen yield (t a year, first %d operating years): one year P50 %.0f, P90 %.0f; %d-year mean P50 %.0f, P90 %.0f (P90: exceeded with 90%% probability)\n",
                          l.years, l.oneYearP50 * 1e-3, l.oneYearP90 * 1e-3, l.years, l.multiYearP50 * 1e-3, l.multiYearP90 * 1e-3)
        }
        return out
    }
}

