/// Charts as inline SVG: no scripts and no external resources, so the report reads offline
/// and prints. Every chart carries its title (`<title>` and a heading), both axis labels with
/// units, and a legend when it has several series.
extension ReportChart {
    static let width = 720.0, height = 380.0
    static let palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"]

    /// Longest row label of a range chart (tornado, zones) drawn in full: "grid-export quantity (yearly
    /// multiplier)" fits; longer ones end in "…" (the table beside the chart has them whole).
    static let rangeLabelLength = 44

    /// The chart as an `<svg>` element (responsive: it scales to the page width).
    public var svg: HTMLNode {
        var layout = Layout(left: 84, right: 20, top: 24, bottom: 92)
        if case .ranges(let rows, _) = kind {
            let longest = rows.map(\.label.count).max() ?? 0
            layout.left = min(Double(Self.rangeLabelLength) * 6.6 + 16, max(84, Double(longest) * 6.6 + 16))
        }
        var body: [HTMLNode] = [.element("title", text: title)]
        body += content(layout)
        body += axisLabels(layout)
        return .element("svg", [.init("xmlns", "http://www.w3.org/2000/svg"),
                                .init("viewBox", "0 0 \(Int(Self.width)) \(Int(Self.height))"),
                                .init("role", "img"), .init("aria-label", title), .class("chart")], body)
    }

    struct Layout {
        var left, right, top, bottom: Double
        var plotLeft: Double { left }
        var plotRight: Double { ReportChart.width - right }
        var plotTop: Double { top }
        var plotBottom: Double { ReportChart.height - bottom }
    }

    func axisLabels(_ l: Layout) -> [HTMLNode] {
        let midY = (l.plotTop + l.plotBottom) / 2
        // A waterfall's category names are slanted and need the room below the axis.
        let below: Double
        if case .waterfall = kind { below = 80 } else { below = 40 }
        return [
            .element("text", [.class("x-label"), .init("x", svgNumber((l.plotLeft + l.plotRight) / 2)),
                              .init("y", svgNumber(l.plotBottom + below)), .init("text-anchor", "middle")], text: xLabel),
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
                out.append(label(text, p, l.plotBottom + 16))
            }
        }
        return out
    }

    func legend(_ items: [(String, String, Bool)], _ l: Layout) -> [HTMLNode] {
        guard items.count > 1 else { return [] }
        var out: [HTMLNode] = []
        var x = l.plotLeft, y = l.plotBottom + 62
        for (text, colour, dashed) in items {
            let w = Double(text.count) * 6.6 + 34
            if x + w > l.plotRight && x > l.plotLeft { x = l.plotLeft; y += 16 }
            var a: [HTMLNode.Attribute] = [.class(dashed ? "legend-line dashed" : "legend-line"), .init("x1", svgNumber(x)),
                                           .init("y1", svgNumber(y - 4)), .init("x2", svgNumber(x + 20)), .init("y2", svgNumber(y - 4)),
                                           .init("stroke", colour)]
            if !dashed { a.append(.init("stroke-width", "6")) }
            out.append(.element("line", a))
            out.append(label(text, x + 26, y, anchor: "start", cls: "legend"))
            x += w
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
            var legendItems: [(String, String, Bool)] = []
            for (i, b) in bands.enumerated() where b.lower.count == x.count && b.upper.count == x.count {
                let points = x.indices.map { "\(svgNumber(xs(x[$0]))),\(svgNumber(ys(b.upper[$0])))" }
                    + x.indices.reversed().map { "\(svgNumber(xs(x[$0]))),\(svgNumber(ys(b.lower[$0])))" }
                out.append(.element("polygon", [.class("band"), .init("points", points.joined(separator: " ")),
                                                .init("fill", color(0)), .init("fill-opacity", String(0.15 + 0.1 * Double(i)))]))
                legendItems.append((b.label, color(0), false))
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
                        out.append(.element("polyline", [.class(s.dashed ? "series dashed" : "series"), .init("points", seg.joined(separator: " ")),
                                                         .init("stroke", color(i))]))
                    }
                }
                legendItems.append((s.label, color(i), s.dashed))
            }
            return out + legend(legendItems, l)
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
            return out + legend(series.enumerated().map { ($1.label, color($0), false) }, l)
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
                out.append(.element("text", [.class("tick"), .init("x", svgNumber(x + band / 2)), .init("y", svgNumber(l.plotBottom + 14)),
                                             .init("text-anchor", "end"),
                                             .init("transform", "rotate(-30 \(svgNumber(x + band / 2)) \(svgNumber(l.plotBottom + 14)))")],
                                    text: String(name.prefix(22))))
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
                let text = r.label.count > Self.rangeLabelLength ? String(r.label.prefix(Self.rangeLabelLength - 1)) + "…" : r.label
                out.append(label(text, l.plotLeft - 6, y + band / 2 + 4, anchor: "end"))
            }
            if let ref = reference {
                out.append(line(xs(ref.value), l.plotTop, xs(ref.value), l.plotBottom, "marker", stroke: "#333"))
                out.append(label(ref.label, xs(ref.value), l.plotTop - 6, cls: "marker-label"))
            }
            return out
        }
    }
}
