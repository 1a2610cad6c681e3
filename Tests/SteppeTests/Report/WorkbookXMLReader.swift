import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Test support: reads a workbook part back with Foundation's XMLParser, to check it is
/// well-formed and to get its cells as a spreadsheet would.
final class WorkbookXMLReader: NSObject, XMLParserDelegate {
    struct Cell { var reference: String; var type: String?; var style: Int?; var value = ""; var hasFormula = false }
    private(set) var cells: [Cell] = []
    private(set) var attributes: [(element: String, attributes: [String: String])] = []
    private var current: Cell?
    private var inText = false

    /// The parsed part, or the parser's error (a part that is not well-formed XML).
    static func read(_ xml: String) throws -> WorkbookXMLReader {
        let reader = WorkbookXMLReader()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = reader
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
        return reader
    }

    /// Number cells by reference ("B3").
    var numbers: [String: Double] {
        Dictionary(cells.compactMap { c in c.type == nil ? Double(c.value).map { (c.reference, $0) } : nil }, uniquingKeysWith: { a, _ in a })
    }

    /// Text cells by reference.
    var texts: [String: String] {
        Dictionary(cells.compactMap { c in c.type == "inlineStr" ? (c.reference, c.value) : nil }, uniquingKeysWith: { a, _ in a })
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        self.attributes.append((name, attributes))
        switch name {
        case "c": current = Cell(reference: attributes["r"] ?? "", type: attributes["t"], style: attributes["s"].flatMap { Int($0) })
        case "v", "t": inText = true
        case "f": current?.hasFormula = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current?.value += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "v", "t": inText = false
        case "c": if let current { cells.append(current) }; current = nil
        default: break
        }
    }
}
