import Testing
@testable import Steppe

@Suite("The pool of synthetic weather years that paths draw from")
struct WeatherPoolTests {
    static let model = SyntheticResourceModel.shipped["ejin-horo-mengsu"]!

    @Test("Pool year i is the synthetic profile of calendar year first + i for the profile's seed")
    func poolYearsAreTheSyntheticYears() {
        let pool = WeatherPool(model: Self.model, profileSeed: 4, firstYear: 2030, years: 3, runSeed: 1)
        for i in 0..<3 { #expect(pool.profiles[i] == Self.model.profile(year: 2030 + i, seed: 4)) }
        // Year-to-year variation: the years differ in their wind yield.
        #expect(Set(pool.profiles.map(\.windFullLoadHours)).count == 3)
    }

    @Test("A path's weather year is a function of (run seed, path, operating year) alone, uniform over the pool")
    func indexIsKeyedBySeedPathAndYear() {
        let a = WeatherPool(model: Self.model, profileSeed: 1, firstYear: 2028, years: 2, runSeed: 9)
        let b = WeatherPool(model: Self.model, profileSeed: 1, firstYear: 2028, years: 2, runSeed: 9)
        let other = WeatherPool(model: Self.model, profileSeed: 1, firstYear: 2028, years: 2, runSeed: 10)
        let keys = (0..<500).flatMap { path in (0..<4).map { (path, $0) } }
        #expect(keys.allSatisfy { a.index(path: $0.0, operatingYear: $0.1) == b.index(path: $0.0, operatingYear: $0.1) })
        #expect(keys.contains { a.index(path: $0.0, operatingYear: $0.1) != other.index(path: $0.0, operatingYear: $0.1) })
        // The index is ⌊u × 2⌋ of the weather stream's uniform at (path, year).
        let stream = RandomStream(seed: 9)
        #expect(keys.allSatisfy {
            a.index(path: $0.0, operatingYear: $0.1) == Int(stream.uniform(path: UInt64($0.0), dimension: $0.1, stream: RandomStream.Stream.weather) * 2)
        })
        let ones = keys.filter { a.index(path: $0.0, operatingYear: $0.1) == 1 }.count
        #expect(abs(Double(ones) / Double(keys.count) - 0.5) < 0.05)
    }
}
