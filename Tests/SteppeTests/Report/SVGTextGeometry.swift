import Foundation
@testable import Steppe

/// Where an SVG chart draws its texts: each `<text>` element's box from its `x`, `y`,
/// `text-anchor`, `transform="rotate(a cx cy)"` and class (the style sheet's font size), with the
/// text's width estimated per character and its em box (0.8 em above the baseline, 0.25 em below),
/// rotated as drawn.
struct SVGTextGeometry {
    struct PlacedText {
        var text: String
        var minX, minY, maxX, maxY: Double
    }

    var width = 0.0, height = 0.0
    var texts: [PlacedText] = []

    init(_ svg: HTMLNode) {
        guard case .element(_, let attributes, let children) = svg.content else { return }
        let box = (Self.value("viewBox", attributes) ?? "").split(separator: " ").compactMap { Double($0) }
        if box.count == 4 { width = box[2]; height = box[3] }
        for child in children { collect(child) }
    }

    /// The texts that reach outside the viewBox, with their boxes.
    var outside: [PlacedText] {
        texts.filter { $0.minX < 0 || $0.minY < 0 || $0.maxX > width || $0.maxY > height }
    }

    static func value(_ name: String, _ attributes: [HTMLNode.Attribute]) -> String? {
        attributes.first { $0.name == name }?.value
    }

    mutating func collect(_ node: HTMLNode) {
        guard case .element(let name, let attributes, let children) = node.content else { return }
        guard name == "text" else { children.forEach { collect($0) }; return }
        let text = children.compactMap { if case .text(let s) = $0.content { s } else { nil } }.joined()
        let x = Double(Self.value("x", attributes) ?? "") ?? 0, y = Double(Self.value("y", attributes) ?? "") ?? 0
        let cls = Self.value("class", attributes) ?? ""
        let fontSize = cls.contains("x-label") || cls.contains("y-label") ? 12.0 : 11.0
        let w = SVGTextWidth.of(text, fontSize: fontSize)
        let left: Double
        switch Self.value("text-anchor", attributes) {
        case "middle": left = x - w / 2
        case "end": left = x - w
        default: left = x
        }
        var corners = [(left, y - 0.8 * fontSize), (left + w, y - 0.8 * fontSize), (left, y + 0.25 * fontSize), (left + w, y + 0.25 * fontSize)]
        if let transform = Self.value("transform", attributes), transform.hasPrefix("rotate(") {
            let r = transform.dropFirst("rotate(".count).dropLast().split(separator: " ").compactMap { Double($0) }
            let a = r[0] * Double.pi / 180, cx = r.count == 3 ? r[1] : 0, cy = r.count == 3 ? r[2] : 0
            corners = corners.map { px, py in
                (cx + (px - cx) * cos(a) - (py - cy) * sin(a), cy + (px - cx) * sin(a) + (py - cy) * cos(a))
            }
        }
        texts.append(PlacedText(text: text, minX: corners.map(\.0).min()!, minY: corners.map(\.1).min()!,
                                maxX: corners.map(\.0).max()!, maxY: corners.map(\.1).max()!))
    }
}
