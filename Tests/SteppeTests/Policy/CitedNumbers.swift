import Foundation

/// The numbers a stretch of seed text states, each in yuan (or as a plain count or fraction),
/// so that a catalogue value can be looked up in the lines it cites whatever unit the seed wrote
/// it in: `450 万元` is 4 500 000, `30%` and `百分之三十` are 0.30, `20-25 万元` is 200 000 and
/// 250 000 (a range shares its unit), `三年` is 3, `减半` is 0.5, `免征`/`不征收` is 0, and a
/// text about monthly amounts (`月`) also states each number times 12 (a yearly parameter).
struct CitedNumbers {
    let values: [Double]

    init(_ text: String) {
        let flat = Self.normalised(text)
        var found: [Double] = []
        found += Self.arabicNumbers(flat)
        found += Self.chineseNumbers(flat)
        if flat.contains("减半") || flat.contains("一半") { found.append(0.5) }
        if flat.contains("免") || flat.contains("不征") || flat.contains("不收") { found.append(0) }
        if flat.contains("月") { found += found.map { $0 * 12 } }
        values = found
    }

    /// True when `value` is one of the stated numbers (to rounding error).
    func contains(_ value: Double) -> Bool {
        values.contains { abs($0 - value) <= 1e-9 * max(1, abs($0), abs(value)) }
    }

    /// Whitespace removed (the seeds wrap and space numbers), full-width signs made ASCII,
    /// and thousands separators dropped (`1,000` -> `1000`).
    static func normalised(_ text: String) -> [Character] {
        let chars = Array(text.filter { !$0.isWhitespace }.replacingOccurrences(of: "％", with: "%"))
        var out: [Character] = []
        for (i, c) in chars.enumerated() {
            let isThousands = c == "," && i > 0 && chars[i - 1].isASCIIDigit && i + 3 < chars.count
                && chars[(i + 1)...(i + 3)].allSatisfy(\.isASCIIDigit)
            if !isThousands { out.append(c) }
        }
        return out
    }

    private static let multipliers: [Character: Double] = ["%": 0.01, "万": 1e4, "亿": 1e8, "千": 1e3]
    private static let rangeSeparators: Set<Character> = ["-", "～", "~", "—", "－", "–", "至"]

    /// Decimal numbers scaled by the unit sign after them; the first number of a range takes the second's.
    private static func arabicNumbers(_ t: [Character]) -> [Double] {
        var tokens: [(value: Double, multiplier: Double?, end: Int)] = []
        var i = 0
        while i < t.count {
            guard t[i].isASCIIDigit else { i += 1; continue }
            var j = i
            while j < t.count, t[j].isASCIIDigit || (t[j] == "." && j + 1 < t.count && t[j + 1].isASCIIDigit) { j += 1 }
            let value = Double(String(t[i..<j])) ?? 0
            let multiplier = j < t.count ? multipliers[t[j]] : nil
            if let last = tokens.last, last.multiplier == nil, let multiplier, last.end + 1 == i,
               rangeSeparators.contains(t[last.end]) {
                tokens[tokens.count - 1].multiplier = multiplier
            }
            tokens.append((value, multiplier, j))
            i = j
        }
        return tokens.map { $0.value * ($0.multiplier ?? 1) }
    }

    private static let digits: [Character: Int] = ["零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
                                                   "七": 7, "八": 8, "九": 9]

    /// Chinese numerals up to 99 (`三`, `十二`, `三十`, `四十五`), scaled by 万/亿/千 after them;
    /// after 百分之 they are percentages.
    private static func chineseNumbers(_ t: [Character]) -> [Double] {
        var out: [Double] = []
        var i = 0
        while i < t.count {
            guard digits[t[i]] != nil || t[i] == "十" else { i += 1; continue }
            var value = 0, j = i
            if let tens = digits[t[j]], j + 1 < t.count, t[j + 1] == "十" { value = tens * 10; j += 2 }
            else if t[j] == "十" { value = 10; j += 1 }
            else { value = digits[t[j]]!; j += 1 }
            if value >= 10, j < t.count, let units = digits[t[j]], units > 0 { value += units; j += 1 }
            let isPercent = i >= 3 && String(t[(i - 3)..<i]) == "百分之"
            let multiplier = isPercent ? 0.01 : (j < t.count ? multipliers[t[j]] ?? 1 : 1)
            out.append(Double(value) * multiplier)
            i = j
        }
        return out
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
