import Foundation
@testable import Steppe

/// Swift source text that rebuilds a value: the generator of the embedded catalogue
/// (`scripts/embed-catalogue.sh` runs it through `EmbeddedCatalogueTests`).
///
/// Why reflection: the catalogue's types (`PolicyEntry`, `Zone`, their rules and sources) each have a
/// public initialiser whose labels are their stored properties in order, so one walk over any of them
/// writes `Type(label: value, …)` without a second list of their fields to keep in step; the test that
/// compares the compiled literal with the YAML read today catches any type for which that is not true.
enum SwiftLiteral {
    /// `value` as a Swift expression; nested values on one line.
    static func expression(_ value: Any) -> String {
        switch value {
        case let s as String: return quoted(s)
        case let b as Bool: return b ? "true" : "false"
        case let i as Int: return String(i)
        case let d as Double:
            // `description` is the shortest text that reads back to the same bits.
            precondition(d.isFinite, "the catalogue holds only finite numbers")
            return d.description
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.map { expression($0.value) } ?? "nil"
        case .collection:
            return "[" + mirror.children.map { expression($0.value) }.joined(separator: ", ") + "]"
        case .enum:
            guard let payload = mirror.children.first else { return ".\(value)" }
            let inner = Mirror(reflecting: payload.value)
            let arguments = inner.displayStyle == .tuple ? labelled(inner) : expression(payload.value)
            return ".\(payload.label ?? "")(\(arguments))"
        case .struct:
            return "\(typeName(value))(\(labelled(mirror)))"
        default:
            preconditionFailure("no Swift literal for \(type(of: value))")
        }
    }

    /// A struct as `Type(` and one labelled argument a line, at `indent`: how the generated file lists each entry.
    static func multilineInitialiser(_ value: Any, indent: String) -> String {
        let arguments = Mirror(reflecting: value).children.map { "\(indent)    \($0.label ?? ""): \(expression($0.value))" }
        return "\(typeName(value))(\n" + arguments.joined(separator: ",\n") + ")"
    }

    private static func labelled(_ mirror: Mirror) -> String {
        mirror.children.map { child in
            let label = child.label.map { $0.hasPrefix(".") ? "" : "\($0): " } ?? ""
            return label + expression(child.value)
        }.joined(separator: ", ")
    }

    /// The type's name as written in a file that imports `Steppe`, e.g. `PolicyEntry.Parameter`.
    private static func typeName(_ value: Any) -> String {
        let name = String(reflecting: type(of: value))
        return name.hasPrefix("Steppe.") ? String(name.dropFirst("Steppe.".count)) : name
    }

    /// A string literal: quotes, backslashes and control characters escaped, everything else as is.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
