import Foundation
import Testing
@testable import Steppe

@Suite("Synthetic resource profiles")
struct SyntheticResourceModelTests {
    static var steady: SyntheticResourceModel {
        var m = SyntheticResourceModel.ejinHoroMengsu
        m.windYearToYearSD = 0; m.solarYearToYearSD = 0
        return m
    }

    @Test("Same seed and year give identical profiles; another year or seed differs")
    func reproducible() {
        let m = SyntheticResourceModel.ejinHoroMengsu
        #expect(m.profile(year: 2030, seed: 7) == m.profile(year: 2030, seed: 7))
        #expect(m.profile(year: 2030, seed: 7).wind != m.profile(year: 2031, seed: 7).wind)
        #expect(m.profile(year: 2030, seed: 7).solar != m.profile(year: 2030, seed: 8).solar)
    }

    @Test("Without year-to-year variation the annual capacity factors meet the zone's full-load hours", arguments: [2028, 2040])
    func meetsFullLoadHours(year: Int) {
        let p = Self.steady.profile(year: year, seed: 3)
        #expect(abs(p.windFullLoadHours - 2800) <= 2800 * 0.002, "wind \(p.windFullLoadHours) h")
        #expect(abs(p.solarFullLoadHours - 1600) <= 1600 * 0.002, "solar \(p.solarFullLoadHours) h")
        #expect(p.wind.allSatisfy { (0...1).contains($0) } && p.solar.allSatisfy { (0...1).contains($0) })
    }

    @Test("Solar is zero at night and peaks after 12:00 Beijing time (the site is west of 120° E)")
    func solarShape() {
        let p = Self.steady.profile(year: 2030, seed: 1)
        var byHour = [Double](repeating: 0, count: 24)
        for h in 0..<ResourceProfile.hoursPerYear { byHour[h % 24] += p.solar[h] }
        #expect(byHour[0] == 0 && byHour[2] == 0 && byHour[22] == 0)
        #expect(byHour.firstIndex(of: byHour.max()!) == 12)   // 12:00-13:00, solar noon about 12:41
    }

    @Test("Wind comes in multi-hour spells: hourly autocorrelation is high")
    func windPersistence() {
        let w = Self.steady.profile(year: 2030, seed: 1).wind
        let mean = w.reduce(0, +) / Double(w.count)
        var num = 0.0, den = 0.0
        for h in 0..<(w.count - 1) { num += (w[h] - mean) * (w[h + 1] - mean) }
        for x in w { den += (x - mean) * (x - mean) }
        #expect(num / den > 0.8)
    }

    @Test("Year-to-year variation changes annual yields around the zone mean")
    func yearToYear() {
        let m = SyntheticResourceModel.ejinHoroMengsu
        let hours = (2030..<2050).map { m.profile(year: $0, seed: 5).windFullLoadHours }
        let mean = hours.reduce(0, +) / Double(hours.count)
        #expect(Set(hours.map { Int($0) }).count > 15)
        #expect(abs(mean - 2800) < 2800 * 0.06)
    }
}

@Suite("Hourly CSV tables")
struct HourlyTableTests {
    static func csv(rows: Int = ResourceProfile.hoursPerYear, wind: (Int) -> String = { _ in "0.3" }) -> String {
        var text = "# test profile\nhour,wind,solar,price\n"
        for h in 0..<rows { text += "\(h),\(wind(h)),\(h % 24 == 12 ? "0.8" : "0"),0.25\n" }
        return text
    }

    @Test("A profile written by the synthetic model reads back unchanged")
    func roundTrip() throws {
        let p = SyntheticResourceModel.alxa.profile(year: 2030, seed: 2)
        var text = "hour,wind,solar\n"
        for h in 0..<ResourceProfile.hoursPerYear { text += "\(h),\(p.wind[h]),\(p.solar[h])\n" }
        let read = try HourlyTable(csv: text, file: "p.csv").resourceProfile(file: "p.csv")
        #expect(read.wind == p.wind && read.solar == p.solar && read.source == .file("p.csv"))
    }

    static let errorCases: [(String, String)] = [
        (csv(rows: 100), "p.csv: expected 8760 hourly rows, got 100"),
        (csv(wind: { $0 == 5 ? "x" : "0.3" }), "p.csv:8: wind: 'x' is not a number"),
        (csv(wind: { $0 == 9 ? "1.5" : "0.3" }), "p.csv:12: wind at hour 9: capacity factor must be in [0, 1] (got 1.5)"),
        ("hour,wind,solar\n0,0.1\n", "p.csv:2: expected 3 values, got 2"),
        ("hour,wind,solar\n1,0.1,0\n", "p.csv:2: hour: expected 0, got 1"),
    ]

    @Test("CSV problems are reported with the file and line", arguments: errorCases)
    func errors(text: String, message: String) {
        let error = #expect(throws: HourlyTable.ReadError.self) {
            _ = try HourlyTable(csv: text, file: "p.csv").resourceProfile(file: "p.csv")
        }
        #expect(error?.description == message)
    }

    @Test("A profile CSV of whole years gives one profile per year, first year first")
    func wholeYears() throws {
        let years = (0..<2).map { SyntheticResourceModel.alxa.profile(year: 2030 + $0, seed: 2) }
        var text = "hour,wind,solar\n"
        for (y, p) in years.enumerated() {
            for h in 0..<ResourceProfile.hoursPerYear { text += "\(y * ResourceProfile.hoursPerYear + h),\(p.wind[h]),\(p.solar[h])\n" }
        }
        let read = try HourlyTable(csv: text, file: "p.csv", wholeYears: true).resourceProfiles(file: "p.csv")
        #expect(read.map(\.wind) == years.map(\.wind) && read.map(\.solar) == years.map(\.solar))
        // One year is still what a table of one year must be.
        let error = #expect(throws: HourlyTable.ReadError.self) { _ = try HourlyTable(csv: text, file: "p.csv") }
        #expect(error?.description == "p.csv: expected 8760 hourly rows, got 17520")
    }

    @Test("A profile CSV of whole years refuses rows that are not whole years")
    func notWholeYears() {
        let error = #expect(throws: HourlyTable.ReadError.self) {
            _ = try HourlyTable(csv: Self.csv(rows: 8760 + 100), file: "p.csv", wholeYears: true)
        }
        #expect(error?.description == "p.csv: expected whole years of 8760 hourly rows, got 8860 (100 after the last whole year)")
    }
}
