import Foundation

extension Evaluation {
    /// A readable yearly cash-flow table (million yuan) followed by the metrics and conventions.
    public var text: String {
        let m = model
        var out = "\(m.name)\n"
        if let zone = m.zone { out += "zone: \(zone)\n" }
        out += "years \(m.startYear)-\(m.calendarYear(m.yearCount - 1)), first operating year \(m.calendarYear(m.operationStart))\n\n"
        out += "Cash flows (million CNY)\n"
        let workingCapital = m.conventions.workingCapital != nil
        out += "year " + CashFlowTable.columns(workingCapital: workingCapital).map { pad($0.shortTitle, 10) }.joined() + "      DSCR\n"
        for y in years {
            let row = Dictionary(y.columns, uniquingKeysWith: { a, _ in a })
            out += "\(y.year) " + CashFlowTable.values(workingCapital: workingCapital) { row[$0] ?? nil }
                .map { pad($0.map { millions($0) } ?? "-", 10) }.joined()
            out += pad(y.dscr.map { String(format: "%.2f", $0) } ?? "-", 10) + "\n"
        }
        out += wrap(CashFlowTable.footnote(workingCapital: workingCapital), width: 100)
        if !moduleSeries.isEmpty { out += moduleTable }
        out += "\nMetrics\n"
        for (name, value) in metrics.all {
            out += "  " + name.padding(toLength: 24, withPad: " ", startingAt: 0)
            switch value {
            case .value(let x): out += Evaluation.format(metric: name, x, priceUnit: m.priceUnit) + "\n"
            case .undefined(let reason): out += "undefined: \(reason)\n"
            }
        }
        if m.conventions != .steppe { out += FeasibilityIndicators(self).text }
        out += "\nConventions\n"
        for (key, text) in Conventions.lines(for: m) { out += "  \(key): \(text)\n" }
        return out
    }

    /// The widest line of the module table: as many years per block as fit.
    static let moduleTableWidth = 130

    /// The modules' yearly series, one row per series under its full name (and the unit where values
    /// are scaled), years across in blocks as wide as `moduleTableWidth` allows (at least 4 years).
    ///
    /// Why rows: a dairy scenario has 36 series; as columns their titles were cut to 10 characters
    /// (`subsidy:da…`) and the table ran 400 characters wide (issue 25).
    var moduleTable: String {
        let names = moduleSeries.map { Evaluation.rowName($0.name) }
        let width = (names.map(\.count).max() ?? 0) + 2
        var out = "\nModule results by year\n"
        let perBlock = max(4, (Evaluation.moduleTableWidth - width) / 11)
        for start in stride(from: 0, to: years.count, by: perBlock) {
            let block = start..<min(start + perBlock, years.count)
            out += "\n" + "series".padding(toLength: width, withPad: " ", startingAt: 0)
                + block.map { pad(String(years[$0].year), 11) }.joined() + "\n"
            for (s, series) in moduleSeries.enumerated() {
                out += names[s].padding(toLength: width, withPad: " ", startingAt: 0)
                    + block.map { pad(Evaluation.format(series: series.name, series.values[$0]), 11) }.joined() + "\n"
            }
        }
        return out
    }

    /// A module series' row title: its name, and the unit its values are shown in where it is scaled.
    static func rowName(_ name: String) -> String {
        // The scalings of `format(series:)`.
        if name.hasSuffix("MWh") { return "\(name) (GWh)" }
        if name.hasSuffix("Kg") { return "\(name) (t)" }
        if name == "exportShare" { return "\(name) (%)" }
        return name
    }

    static func format(series name: String, _ x: Double) -> String {
        if name.hasSuffix("MWh") { return String(format: "%.2f", x / 1000) }
        if name.hasSuffix("Kg") { return String(format: "%.1f", x / 1000) }
        if name == "exportShare" { return String(format: "%.2f", x * 100) }
        if name == "exportCompliant" { return x == 1 ? "yes" : "NO" }
        if name.hasSuffix("Price") { return String(format: "%.4f", x) }
        return String(format: "%.0f", x)
    }

    static func format(metric name: String, _ x: Double, priceUnit: String) -> String {
        switch name {
        case "projectIRR", "equityIRR": return String(format: "%.4f%%", x * 100)
        case "projectNPV", "equityNPV", "peakFunding": return String(format: "%.2f million CNY", x / 1e6)
        case "paybackYears", "equityPaybackYears", "discountedPaybackYears": return String(format: "%.2f years", x)
        case "breakEvenPrice", "levelizedCost": return String(format: "%.4f ", x) + priceUnit
        default: return String(format: "%.3f", x)
        }
    }

    /// The yearly columns as CSV with a header row (yuan, `citRate` and `dscr` as ratios), then the
    /// modules' yearly series as `section.name` columns (names from the scenario, so through `CSVField`).
    public var csv: String {
        guard let first = years.first else { return "" }
        var out = "year," + first.columns.map { CSVField.text($0.0) }.joined(separator: ",")
        out += moduleSeries.map { "," + CSVField.text("\($0.module).\($0.name)") }.joined() + "\n"
        for (t, y) in years.enumerated() {
            out += "\(y.year)," + y.columns.map { $0.1.map { "\($0)" } ?? "" }.joined(separator: ",")
            out += moduleSeries.map { ",\($0.values[t])" }.joined() + "\n"
        }
        return out
    }
}

private func pad(_ s: String, _ width: Int) -> String {
    s.count >= width ? " " + s : String(repeating: " ", count: width - s.count) + s
}

/// `text` in lines of at most `width` characters, broken at spaces.
private func wrap(_ text: String, width: Int) -> String {
    var out = "", line = ""
    for word in text.split(separator: " ") {
        if !line.isEmpty && line.count + 1 + word.count > width { out += line + "\n"; line = "" }
        line += (line.isEmpty ? "" : " ") + word
    }
    return out + line + "\n"
}

/// Yuan as million yuan with two decimals, "0.00" rather than "-0.00" for an outflow that rounds to nothing.
private func millions(_ yuan: Double) -> String {
    String(format: "%.2f", (yuan / 1e4).rounded() / 100 + 0.0)
}
