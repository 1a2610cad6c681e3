import Foundation

/// Charts as inline SVG: no scripts and no external resources, so the report reads offline
/// and prints. Every chart carries its title (`<title>` and a heading), both axis labels with
/// units, and a legend when it has several series.
extension ReportChart {
    static let width = 720.0
    /// The plot area's height. The chart grows below it for what must be read whole there:
    /// slanted category names, a legend of several rows.
    static let plotHeight = 264.0
    /// The font size (px) of ticks, category names and legends, as the report's style sheet sets it.
    static let tickFontSize = 11.0
    static let legendRowHeight = 16.0
    static let palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"]

    /// Row labels of a range chart (tornado, zones) are drawn whole up to the width of 44 Latin
    /// characters: "grid-export quantity (yearly multiplier)" fits; longer ones end in "…" (the
    /// table beside the chart has them whole).
    static let rangeLabelLength = 44
    static let rangeLabelWidth = Double(rangeLabelLength) * 0.6 * tickFontSize

    /// A waterfall's category names are slanted by this angle (degrees) so that long incentive ids
    /// fit under narrow bars; the chart grows below the axis to hold the longest whole.
    static let categorySlant = 30.0

    /// The chart as an `<svg>` element (responsive: it scales to the page width).
    public var svg: HTMLNode {
        let layout = self.layout
        var body: [HTMLNode] = [.element("title", text: title)]
        body += content(layout)
        body += axisLabels(layout)
        return .element("svg", [.init("xmlns", "http://www.w3.org/2000/svg"),
                                .init("viewBox", "0 0 \(Int(Self.width)) \(svgNumber(layout.height))"),
                                .init("role", "img"), .init("aria-label", title), .class("chart")], body)
    }

    struct Layout {
        var left, right, top, bottom: Double
        /// The x-axis label's baseline below the plot.
        var xLabelBelow = 40.0
        var plotLeft: Double { left }
        var plotRight: Double { ReportChart.width - right }
        var plotTop: Double { top }
        var plotBottom: Double { top + ReportChart.plotHeight }
        var height: Double { plotBottom + bottom }
    }

    /// The margins this chart's labels need: range labels on the left, a waterfall's slanted names
    /// below and to the left, the legend's rows below.
    var layout: Layout {
        var l = Layout(left: 84, right: 20, top: 24, bottom: 92)
        switch kind {
        case .ranges(let rows, _):
            let widest = rows.map { SVGTextWidth.of(rangeLabel($0.label), fontSize: Self.tickFontSize) }.max() ?? 0
            l.left = max(84, widest + 16)
        case .waterfall(let start, let steps, let end):
            let names = [start.label] + steps.map(\.label) + [end]
            let reach = names.map(slantedReach)
            let deepest = reach.map(\.down).max() ?? 0
            l.xLabelBelow = max(l.xLabelBelow, Self.categoryBaseline + deepest + 22)
            l.bottom = max(l.bottom, l.xLabelBelow + 6)
            // Category i's name ends at the middle of its band and reaches `left` back from there;
            // the smallest plot left edge that keeps every name 2 px inside the chart.
            let n = Double(names.count), plotEnd = Self.width - l.right
            for (i, r) in reach.enumerated() {
                let f = (Double(i) + 0.5) / n
                l.left = max(l.left, (2 + r.left - plotEnd * f) / (1 - f))
            }
            l.left = min(l.left, Self.width / 2)
        case .lines, .stackedBars, .scatter:
            let rows = (legendPlacement(legendEntries.map(\.label), l).last?.row ?? 0) + 1
            l.bottom = max(l.bottom, Self.legendBaseline + Self.legendRowHeight * Double(rows - 1) + 10)
        case .histogram, .heatMap:
            break
        }
        return l
    }

    /// A waterfall's category names hang from this distance below the plot.
    static let categoryBaseline = 14.0
    /// The legend's first row sits this far below the plot, under the x-axis label.
    static let legendBaseline = 62.0

    /// How far a category name slanted by `categorySlant` and anchored at its end reaches to the
    /// left of and below its anchor (its em box included).
    func slantedReach(_ name: String) -> (left: Double, down: Double) {
        let w = SVGTextWidth.of(name, fontSize: Self.tickFontSize), fs = Self.tickFontSize
        let a = Self.categorySlant * Double.pi / 180
        return (w * cos(a) + fs * sin(a), w * sin(a) + fs * cos(a))
    }

    /// A range chart's row label, ended in "…" when wider than `rangeLabelWidth`.
    func rangeLabel(_ text: String) -> String { Self.fitted(text, width: Self.rangeLabelWidth) }

    /// `text`, or its longest prefix with "…" that is at most `width` px wide at the tick font size.
    static func fitted(_ text: String, width: Double) -> String {
        guard SVGTextWidth.of(text, fontSize: tickFontSize) > width else { return text }
        var prefix = Substring(text)
        while !prefix.isEmpty, SVGTextWidth.of(prefix + "…", fontSize: tickFontSize) > width { prefix = prefix.dropLast() }
        return prefix + "…"
    }

    /// The legend's entries (label, colour, dashed): bands, then series.
    var legendEntries: [(label: String, colour: String, dashed: Bool)] {
        switch kind {
        case .lines(let x, let series, let bands, _, _):
            return bands.filter { $0.lower.count == x.count && $0.upper.count == x.count }.map { ($0.label, color(0), false) }
                + series.enumerated().map { ($1.label, color($0), drawnDashed($0, $1)) }
        case .stackedBars(_, let series, _):
            return series.enumerated().map { ($1.label, color($0), false) }
        case .scatter(_, let groups, _):
            return groups.enumerated().map { ($1, color($0), false) }
        case .histogram, .waterfall, .ranges, .heatMap:
            return []
        }
    }

    /// Series `i` drawn dashed: when asked, and past the palette's colours, so that no two solid
    /// lines share a colour (a withdrawal-cliff chart has a line per incentive).
    func drawnDashed(_ i: Int, _ s: Series) -> Bool { s.dashed || i >= Self.palette.count }

    /// Where each legend entry goes (left end, row), rows filled left to right from the plot's
    /// left edge, a new row when the next entry would pass its right edge; entries wider than
    /// the plot end in "…". No legend for a single entry.
    func legendPlacement(_ labels: [String], _ l: Layout) -> [(x: Double, row: Int, text: String)] {
        guard labels.count > 1 else { return [] }
        var out: [(x: Double, row: Int, text: String)] = []
        var x = l.plotLeft, row = 0
        for label in labels {
            let text = Self.fitted(label, width: l.plotRight - l.plotLeft - 26)
            let w = SVGTextWidth.of(text, fontSize: Self.tickFontSize) + 34
            if x + w > l.plotRight + 8 && x > l.plotLeft { x = l.plotLeft; row += 1 }
            out.append((x, row, text))
            x += w
        }
        return out
    }

    func axisLabels(_ l: Layout) -> [HTMLNode] {
        let midY = (l.plotTop + l.plotBottom) / 2
        return [
            .element("text", [.class("x-label"), .init("x", svgNumber((l.plotLeft + l.plotRight) / 2)),
                              .init("y", svgNumber(l.plotBottom + l.xLabelBelow)), .init("text-anchor", "middle")], text: xLabel),
            .element("text", [.class("y-label"), .init("x", "16"), .init("y", svgNumber(midY)), .init("text-anchor", "middle"),
                              .init("transform", "rotate(-90 16 \(svgNumber(midY)))")], text: yLabel),
        ]
    }

    func color(_ i: Int) -> String { Self.palette[i % Self.palette.count] }

    func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ cls: String, stroke: String? = nil) -> HTMLNode {
        var a: [HTMLNode.Attribute] = [.class(cls), .init("x1", svgNumber(x1)), .init("y1", svgNumber(y1)),
                                       .init("x2", svgNumber(x2)), .init("y2", svgNumber(y2))]
        if let stroke { a.append(.init("stroke", stroke)) }
        return .element("line", a)
    }

    func label(_ text: String, _ x: Double, _ y: Double, anchor: String = "middle", cls: String = "tick") -> HTMLNode {
        .element("text", [.class(cls), .init("x", svgNumber(x)), .init("y", svgNumber(y)), .init("text-anchor", anchor)], text: text)
    }

    func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String, tip: String, cls: String = "bar") -> HTMLNode {
        .element("rect", [.class(cls), .init("x", svgNumber(x)), .init("y", svgNumber(min(y, y + h))),
                          .init("width", svgNumber(max(0.5, w))), .init("height", svgNumber(max(0.5, abs(h)))),
                          .init("fill", fill)], [.element("title", text: tip)])
    }

    /// Gridlines and tick labels of a value axis, vertical (y) or horizontal (x).
    func valueAxis(_ s: LinearScale, vertical: Bool, _ l: Layout) -> [HTMLNode] {
        var out: [HTMLNode] = []
        for t in s.ticks {
            let p = s(t)
            let text = ReportFormat.tick(t, step: s.step)
            if vertical {
                out.append(line(l.plotLeft, p, l.plotRight, p, abs(t) < s.step * 1e-9 ? "zero" : "grid"))
                out.append(label(text, l.plotLeft - 6, p + 4, anchor: "end"))
            } else {
                out.append(line(p, l.plotTop, p, l.plotBottom, abs(t) < s.step * 1e-9 ? "zero" : "grid"))
                // Centred under its tick, but moved in from the chart's edge when it would pass it.
                let half = SVGTextWidth.of(text, fontSize: Self.tickFontSize) / 2
                out.append(label(text, min(max(p, half + 2), Self.width - 2 - half), l.plotBottom + 16))
            }
        }
        return out
    }

    func legend(_ l: Layout) -> [HTMLNode] {
        let entries = legendEntries
        var out: [HTMLNode] = []
        for (entry, place) in zip(entries, legendPlacement(entries.map(\.label), l)) {
            let x = place.x, y = l.plotBottom + Self.legendBaseline + Self.legendRowHeight * Double(place.row)
            var a: [HTMLNode.Attribute] = [.class(entry.dashed ? "legend-line dashed" : "legend-line"), .init("x1", svgNumber(x)),
                                           .init("y1", svgNumber(y - 4)), .init("x2", svgNumber(x + 20)), .init("y2", svgNumber(y - 4)),
                                           .init("stroke", entry.colour)]
            if !entry.dashed { a.append(.init("stroke-width", "6")) }
            out.append(.element("line", a))
            out.append(label(place.text, x + 26, y, anchor: "start", cls: "legend"))
        }
        return out
    }

    func content(_ l: Layout) -> [HTMLNode] {
        switch kind {
        case .histogram(let edges, let counts, let markers):
            guard edges.count == counts.count + 1, !counts.isEmpty else { return [] }
            let xs = LinearScale(values: edges + markers.map(\.value), from: l.plotLeft, to: l.plotRight)
            let ys = LinearScale(values: counts, from: l.plotBottom, to: l.plotTop, includeZero: true)
            var out = valueAxis(ys, vertical: true, l) + valueAxis(xs, vertical: false, l)
            for (i, c) in counts.enumerated() {
                let x0 = xs(edges[i]), x1 = xs(edges[i + 1])
                out.append(rect(x0, ys(0), x1 - x0, ys(c) - ys(0), fill: color(0),
                                tip: "\(ReportFormat.tick(edges[i], step: xs.step / 10)) to \(ReportFormat.tick(edges[i + 1], step: xs.step / 10)): \(ReportFormat.plain(c))"))
            }
            for (i, m) in markers.enumerated() {
                let x = xs(m.value)
                out.append(line(x, l.plotTop, x, l.plotBottom, "marker", stroke: color(i + 1)))
                out.append(label(m.label, x, l.plotTop - 6 + Double(i % 2) * 0, cls: "marker-label"))
            }
            return out
        case .lines(let x, let series, let bands, let references, let step):
            guard !x.isEmpty else { return [] }
            let all = series.flatMap { $0.values.compactMap { $0 } } + bands.flatMap { $0.lower + $0.upper } + references.map(\.value)
            let xs = LinearScale(values: x, from: l.plotLeft, to: l.plotRight)
            let ys = LinearScale(values: all, from: l.plotBottom, to: l.plotTop)
            var out = valueAxis(ys, vertical: true, l) + valueAxis(xs, vertical: false, l)
            for (i, b) in bands.enumerated() where b.lower.count == x.count && b.upper.count == x.count {
                let points = x.indices.map { "\(svgNumber(xs(x[$0]))),\(svgNumber(ys(b.upper[$0])))" }
                    + x.indices.reversed().map { "\(svgNumber(xs(x[$0]))),\(svgNumber(ys(b.lower[$0])))" }
                out.append(.element("polygon", [.class("band"), .init("points", points.joined(separator: " ")),
                                                .init("fill", color(0)), .init("fill-opacity", String(0.15 + 0.1 * Double(i)))]))
            }
            for r in references {
                out.append(line(l.plotLeft, ys(r.value), l.plotRight, ys(r.value), "reference"))
                out.append(label(r.label, l.plotRight - 4, ys(r.value) - 4, anchor: "end", cls: "marker-label"))
            }
            for (i, s) in series.enumerated() {
                // A gap (nil) splits the line into segments.
                var segments: [[String]] = [[]]
                for (k, v) in s.values.enumerated() where k < x.count {
                    guard let v, v.isFinite else { segments.append([]); continue }
                    if step, let last = segments[segments.count - 1].last {
                        let y = last.split(separator: ",")[1]
                        segments[segments.count - 1].append("\(svgNumber(xs(x[k]))),\(y)")
                    }
                    segments[segments.count - 1].append("\(svgNumber(xs(x[k]))),\(svgNumber(ys(v)))")
                }
                for seg in segments where !seg.isEmpty {
                    if seg.count == 1 {
                        let p = seg[0].split(separator: ",")
                        out.append(.element("circle", [.init("cx", String(p[0])), .init("cy", String(p[1])), .init("r", "2.5"), .init("fill", color(i))]))
                    } else {
                        out.append(.element("polyline", [.class(drawnDashed(i, s) ? "series dashed" : "series"), .init("points", seg.joined(separator: " ")),
                                                         .init("stroke", color(i))]))
                    }
                }
            }
            return out + legend(l)
        case .stackedBars(let categories, let series, let references):
            guard !categories.isEmpty else { return [] }
            var tops: [Double] = [], bottoms: [Double] = []
            for i in categories.indices {
                let v = series.map { i < $0.values.count ? ($0.values[i] ?? 0) : 0 }
                tops.append(v.filter { $0 > 0 }.reduce(0, +)); bottoms.append(v.filter { $0 < 0 }.reduce(0, +))
            }
            let ys = LinearScale(values: tops + bottoms + references.map(\.value), from: l.plotBottom, to: l.plotTop, includeZero: true)
            var out = valueAxis(ys, vertical: true, l)
            let band = (l.plotRight - l.plotLeft) / Double(categories.count)
            let every = max(1, Int((Double(categories.count) * 40 / (l.plotRight - l.plotLeft)).rounded(.up)))
            for (i, c) in categories.enumerated() {
                let x = l.plotLeft + band * Double(i)
                var up = 0.0, down = 0.0
                for (k, s) in series.enumerated() {
                    guard i < s.values.count, let v = s.values[i], v != 0 else { continue }
                    let base = v > 0 ? up : down
                    out.append(rect(x + band * 0.15, ys(base), band * 0.7, ys(base + v) - ys(base), fill: color(k),
                                    tip: "\(c) \(s.label): \(ReportFormat.grouped(v))"))
                    if v > 0 { up += v } else { down += v }
                }
                if i % every == 0 { out.append(label(c, x + band / 2, l.plotBottom + 16)) }
            }
            for r in references {
                out.append(line(l.plotLeft, ys(r.value), l.plotRight, ys(r.value), "reference"))
                out.append(label(r.label, l.plotRight - 4, ys(r.value) - 4, anchor: "end", cls: "marker-label"))
            }
            return out + legend(l)
        case .waterfall(let start, let steps, let end):
            var levels = [0.0, start.value]
            var running = start.value
            for s in steps { running += s.value; levels.append(running) }
            let ys = LinearScale(values: levels, from: l.plotBottom, to: l.plotTop, includeZero: true)
            var out = valueAxis(ys, vertical: true, l)
            let labels = [start.label] + steps.map(\.label) + [end]
            let band = (l.plotRight - l.plotLeft) / Double(labels.count)
            var level = 0.0
            for (i, name) in labels.enumerated() {
                let x = l.plotLeft + band * Double(i)
                let from: Double, to: Double, fill: String
                if i == 0 { from = 0; to = start.value; fill = "#4a6fa5" }
                else if i == labels.count - 1 { from = 0; to = running; fill = "#4a6fa5" }
                else { from = level; to = level + steps[i - 1].value; fill = steps[i - 1].value >= 0 ? "#2ca02c" : "#d62728" }
                level = to
                out.append(rect(x + band * 0.15, ys(from), band * 0.7, ys(to) - ys(from), fill: fill,
                                tip: "\(name): \(ReportFormat.grouped(to - from))"))
                let anchorX = svgNumber(x + band / 2), anchorY = svgNumber(l.plotBottom + Self.categoryBaseline)
                out.append(.element("text", [.class("tick"), .init("x", anchorX), .init("y", anchorY), .init("text-anchor", "end"),
                                             .init("transform", "rotate(-\(svgNumber(Self.categorySlant)) \(anchorX) \(anchorY))")],
                                    text: name))
            }
            return out
        case .heatMap(let x, let y, let values, let marked):
            return heatMap(x: x, y: y, values: values, marked: marked, l)
        case .scatter(let points, let groups, let marked):
            return scatter(points: points, groups: groups, marked: marked, l)
        case .ranges(let rows, let reference):
            guard !rows.isEmpty else { return [] }
            let xs = LinearScale(values: rows.flatMap { [$0.low, $0.high] + ($0.middle.map { [$0] } ?? []) } + (reference.map { [$0.value] } ?? []),
                                 from: l.plotLeft, to: l.plotRight)
            var out = valueAxis(xs, vertical: false, l)
            let band = (l.plotBottom - l.plotTop) / Double(rows.count)
            for (i, r) in rows.enumerated() {
                let y = l.plotTop + band * Double(i)
                let tip = "\(r.label): \(ReportFormat.grouped(r.low)) to \(ReportFormat.grouped(r.high))"
                if let ref = reference {
                    // Tornado: the bar on each side of the base value in its own colour.
                    out.append(rect(xs(min(r.low, ref.value)), y + band * 0.2, abs(xs(ref.value) - xs(min(r.low, ref.value))), band * 0.6,
                                    fill: color(3), tip: tip))
                    out.append(rect(xs(ref.value), y + band * 0.2, abs(xs(max(r.high, ref.value)) - xs(ref.value)), band * 0.6,
                                    fill: color(2), tip: tip))
                } else {
                    out.append(rect(xs(r.low), y + band * 0.3, xs(r.high) - xs(r.low), band * 0.4, fill: color(0), tip: tip))
                }
                if let m = r.middle {
                    out.append(line(xs(m), y + band * 0.15, xs(m), y + band * 0.85, "median"))
                }
                out.append(label(rangeLabel(r.label), l.plotLeft - 6, y + band / 2 + 4, anchor: "end"))
            }
            if let ref = reference {
                out.append(line(xs(ref.value), l.plotTop, xs(ref.value), l.plotBottom, "marker", stroke: "#333"))
                out.append(label(ref.label, xs(ref.value), l.plotTop - 6, cls: "marker-label"))
            }
            return out
        }
    }
}
