/// A scatter chart as SVG: a dot per point in its group's colour with its tooltip, the marked
/// point ringed in red and labelled (a search's optimum among the points it evaluated), and a
/// legend of the groups.
extension ReportChart {
    func scatter(points: [ScatterPoint], groups: [String], marked: (index: Int, label: String)?, _ l: Layout) -> [HTMLNode] {
        let shown = points.filter { $0.x.isFinite && $0.y.isFinite }
        guard !shown.isEmpty else { return [] }
        let xs = LinearScale(values: shown.map(\.x), from: l.plotLeft, to: l.plotRight)
        let ys = LinearScale(values: shown.map(\.y), from: l.plotBottom, to: l.plotTop)
        var out = valueAxis(ys, vertical: true, l) + valueAxis(xs, vertical: false, l)
        for p in shown {
            out.append(.element("circle", [.class("point"), .init("cx", svgNumber(xs(p.x))), .init("cy", svgNumber(ys(p.y))),
                                           .init("r", "3.5"), .init("fill", color(p.group))], [.element("title", text: p.tip)]))
        }
        if let marked, marked.index < points.count, points[marked.index].x.isFinite, points[marked.index].y.isFinite {
            let p = points[marked.index], x = xs(p.x), y = ys(p.y)
            out.append(.element("circle", [.class("marked"), .init("cx", svgNumber(x)), .init("cy", svgNumber(y)), .init("r", "8"),
                                           .init("fill", "none"), .init("stroke", "#d62728"), .init("stroke-width", "2.5")],
                                [.element("title", text: "\(marked.label): \(p.tip)")]))
            // Above the ring, or below it at the top of the plot (where a maximum's optimum sits).
            out.append(label(marked.label, x, y - 14 < l.plotTop + 10 ? y + 22 : y - 14, cls: "marker-label"))
        }
        return out + legend(l)
    }
}
