import Foundation

/// A heat map as SVG: one rectangle per grid cell, light yellow for the smallest value to dark
/// blue for the largest (a single-hue ramp reads in print and for colour-blind readers),
/// undefined cells grey; each cell's tooltip gives its inputs and value, and a small legend
/// gives the ends of the colour ramp.
extension ReportChart {
    static let heatLow = (r: 255.0, g: 255.0, b: 204.0), heatHigh = (r: 37.0, g: 52.0, b: 148.0)

    /// The ramp's colour at `t` in 0...1, as `#rrggbb`.
    static func heatColour(_ t: Double) -> String {
        let u = t.isFinite ? min(1, max(0, t)) : 0
        func channel(_ a: Double, _ b: Double) -> Int { Int((a + (b - a) * u).rounded()) }
        return String(format: "#%02x%02x%02x", channel(heatLow.r, heatHigh.r), channel(heatLow.g, heatHigh.g), channel(heatLow.b, heatHigh.b))
    }

    func heatMap(x: [Double], y: [Double], values: [[Double?]], marked: (row: Int, column: Int)?, _ l: Layout) -> [HTMLNode] {
        guard !x.isEmpty, !y.isEmpty else { return [] }
        let defined = values.flatMap { $0.compactMap { $0 } }.filter(\.isFinite)
        let lo = defined.min() ?? 0, hi = defined.max() ?? 0
        let w = (l.plotRight - l.plotLeft) / Double(x.count), h = (l.plotBottom - l.plotTop) / Double(y.count)
        // Every tick label would overlap on a large grid: label about ten per axis.
        let xEvery = max(1, x.count / 10), yEvery = max(1, y.count / 10)
        var out: [HTMLNode] = []
        for (i, yValue) in y.enumerated() {
            // The first row at the bottom, as on a y axis.
            let top = l.plotBottom - h * Double(i + 1)
            for (j, xValue) in x.enumerated() {
                let v = i < values.count && j < values[i].count ? values[i][j] : nil
                let fill = v.map { hi > lo ? Self.heatColour(($0 - lo) / (hi - lo)) : Self.heatColour(0.5) } ?? "#d0d0d0"
                let tip = "\(xLabel) \(ReportFormat.plain(xValue)), \(yLabel) \(ReportFormat.plain(yValue)): "
                    + (v.map { ReportFormat.grouped($0) } ?? "undefined")
                out.append(rect(l.plotLeft + w * Double(j), top, w, h, fill: fill, tip: tip, cls: "cell"))
            }
            if i % yEvery == 0 { out.append(label(ReportFormat.plain(yValue), l.plotLeft - 6, top + h / 2 + 4, anchor: "end")) }
        }
        for (j, xValue) in x.enumerated() where j % xEvery == 0 {
            out.append(label(ReportFormat.plain(xValue), l.plotLeft + w * (Double(j) + 0.5), l.plotBottom + 16))
        }
        if let m = marked, m.row < y.count, m.column < x.count {
            out.append(.element("rect", [.class("marked"), .init("x", svgNumber(l.plotLeft + w * Double(m.column))),
                                         .init("y", svgNumber(l.plotBottom - h * Double(m.row + 1))),
                                         .init("width", svgNumber(w)), .init("height", svgNumber(h)),
                                         .init("fill", "none"), .init("stroke", "#d62728"), .init("stroke-width", "3")]))
        }
        let legendY = l.plotBottom + 56
        for (k, (text, t)) in [("\(ReportFormat.grouped(lo)) (smallest)", 0.0), ("\(ReportFormat.grouped(hi)) (largest)", 1.0)].enumerated() {
            let x0 = l.plotLeft + Double(k) * 220
            out.append(rect(x0, legendY - 10, 14, 12, fill: Self.heatColour(t), tip: text, cls: "legend-swatch"))
            out.append(label(text, x0 + 20, legendY, anchor: "start", cls: "legend"))
        }
        if defined.count < values.reduce(0, { $0 + $1.count }) {
            out.append(rect(l.plotLeft + 440, legendY - 10, 14, 12, fill: "#d0d0d0", tip: "undefined", cls: "legend-swatch"))
            out.append(label("undefined", l.plotLeft + 460, legendY, anchor: "start", cls: "legend"))
        }
        return out
    }
}
