/// A node of an HTML (or inline SVG) document, built in code and escaped on output.
///
/// Reports show user-chosen text (scenario names, incentive titles, citations): building
/// them as nodes rather than by pasting strings means no text can become markup. Text and
/// attribute values are escaped when written; the only unescaped text is a style sheet,
/// which is checked to contain no `<` or `&` (it comes from the code, never from a user).
///
/// The output is also well-formed XML (every element closed, attributes quoted, only the
/// five XML entities), so tests can check it with an XML parser.
public struct HTMLNode: Sendable, Equatable {
    indirect enum Content: Sendable, Equatable {
        case element(name: String, attributes: [Attribute], children: [HTMLNode])
        case text(String)
        case styleSheet(String)
    }

    public struct Attribute: Sendable, Equatable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) { self.name = name; self.value = value }
    }

    let content: Content

    /// An element with attributes (written in the given order) and children.
    public static func element(_ name: String, _ attributes: [Attribute] = [], _ children: [HTMLNode] = []) -> HTMLNode {
        precondition(name.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || ("a"..."z").contains($0) || $0 == "-" || ("A"..."Z").contains($0) },
                     "element names come from the code: \(name)")
        return HTMLNode(content: .element(name: name, attributes: attributes, children: children))
    }

    /// An element holding only text.
    public static func element(_ name: String, _ attributes: [Attribute] = [], text: String) -> HTMLNode {
        element(name, attributes, [.text(text)])
    }

    /// Text, escaped when written.
    public static func text(_ s: String) -> HTMLNode { HTMLNode(content: .text(s)) }

    /// A `<style>` element's content: fixed CSS from the code.
    public static func styleSheet(_ css: String) -> HTMLNode {
        precondition(!css.contains("<") && !css.contains("&"), "a style sheet must not contain < or &")
        return HTMLNode(content: .styleSheet(css))
    }

    /// HTML void elements and SVG shapes are written self-closed (`<br />`, `<rect ... />`);
    /// every other element gets a closing tag even when empty, as HTML requires.
    static let selfClosing: Set<String> = ["meta", "br", "hr", "img", "link", "col",
                                            "rect", "line", "path", "circle", "polyline", "polygon"]

    /// The markup, with a newline after block-level closing tags so diffs of reports stay readable.
    public func rendered() -> String {
        var out = ""
        write(to: &out)
        return out
    }

    static let lineBreakAfter: Set<String> = ["html", "head", "body", "section", "header", "footer", "table", "thead",
                                              "tbody", "tr", "p", "h1", "h2", "h3", "figure", "ul", "li", "dl", "dd",
                                              "svg", "g", "style", "meta", "title", "div", "nav", "details"]

    func write(to out: inout String) {
        switch content {
        case .text(let s): out += HTMLNode.escape(s)
        case .styleSheet(let css): out += css
        case .element(let name, let attributes, let children):
            out += "<" + name
            for a in attributes { out += " \(a.name)=\"\(HTMLNode.escape(a.value))\"" }
            if children.isEmpty && HTMLNode.selfClosing.contains(name) {
                out += " />"
            } else {
                out += ">"
                for c in children { c.write(to: &out) }
                out += "</\(name)>"
            }
            if HTMLNode.lineBreakAfter.contains(name) { out += "\n" }
        }
    }

    /// Escapes `&`, `<`, `>`, `"` and `'`, and drops control characters XML forbids.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\t", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension HTMLNode.Attribute {
    public static func `class`(_ v: String) -> Self { .init("class", v) }
    public static func id(_ v: String) -> Self { .init("id", v) }
}
