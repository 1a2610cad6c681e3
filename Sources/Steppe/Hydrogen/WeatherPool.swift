/// The weather years Monte Carlo paths draw from (`hydrogen.weather: {draw: perPath}`): `poolYears`
/// years of the synthetic resource model, each with the model's own year-to-year variation, and the
/// year each path dispatches in each operating year.
///
/// Why a pool: generating a synthetic year takes about 1 ms, a hundred times a dispatch year, so
/// fresh weather for every path and year would cost 20 ms a path. The pool is generated once per
/// study; a path's operating year `k` takes pool year ⌊u × poolYears⌋ with u the uniform of
/// `RandomStream(seed: run seed)` at (path, dimension k, stream `weather`), a pure function of
/// (seed, path, year): the same on any thread or shard, and independent of the sampler's uniforms.
/// Years are drawn independently (with replacement), as the synthetic model draws each calendar
/// year's variation independently.
///
/// Pool year `i` is the synthetic profile of calendar year `firstYear + i` for the profile's seed,
/// so the base case's operating years are the first `operatingYears` members of the pool.
///
/// With the weather fixed (`fixed(_:)`, when only the plant is drawn per path) the pool is the base
/// case's weather years and every path dispatches them in order.
public struct WeatherPool: Sendable {
    public let profiles: [ResourceProfile]
    /// The Monte Carlo run's seed, which keys the draws.
    public let runSeed: UInt64
    /// Whether paths draw their years (false: operating year `k` is pool year `k`, the last repeating).
    public let drawsYears: Bool

    /// - Complexity: O(8760 × `years`); about 1 ms and 140 KB a year.
    public init(model: SyntheticResourceModel, profileSeed: UInt64, firstYear: Int, years: Int, runSeed: UInt64) {
        precondition(years > 0, "a weather pool needs at least one year")
        profiles = (0..<years).map { model.profile(year: firstYear + $0, seed: profileSeed) }
        self.runSeed = runSeed
        drawsYears = true
    }

    /// The base case's weather on every path: `profiles` in operating-year order (the last one repeats).
    public init(fixed profiles: [ResourceProfile]) {
        precondition(!profiles.isEmpty, "a weather pool needs at least one year")
        self.profiles = profiles
        runSeed = 0
        drawsYears = false
    }

    /// The pool year that `path` dispatches in its operating year `k` (0: the first).
    ///
    /// - Complexity: O(1), one Philox call.
    public func index(path: Int, operatingYear k: Int) -> Int {
        guard drawsYears else { return min(k, profiles.count - 1) }
        let u = RandomStream(seed: runSeed).uniform(path: UInt64(path), dimension: k, stream: RandomStream.Stream.weather)
        return min(Int(u * Double(profiles.count)), profiles.count - 1)
    }

    /// The profiles of `path`'s operating years `0 ..< years`, in order (for a direct evaluation of a path's weather).
    public func profiles(path: Int, years: Int) -> [ResourceProfile] {
        (0..<years).map { profiles[index(path: path, operatingYear: $0)] }
    }
}
