import Foundation

/// A documented synthetic model of hourly wind and solar capacity factors for a zone,
/// for when no measured profile is at hand. It is not a weather model: it reproduces the
/// features that matter to an hourly dispatch (annual yield, seasonal and daily shape,
/// multi-day calm and cloudy spells, year-to-year variation), not the statistics of a
/// real site.
///
/// ### Solar
/// 1. Clear-sky shape: the sine of the sun's elevation from latitude, declination
///    (Cooper's formula) and the hour angle at the middle of each clock hour, with solar
///    noon shifted by longitude from the UTC+8 meridian (120° E); zero at night.
/// 2. Daily clearness: an AR(1) process over days with persistence `solarDailyPersistence`,
///    mean `solarClearnessMean` and spread `solarClearnessSpread`, clamped to [0.05, 1].
/// 3. Scaling: the product is scaled so that the year's mean capacity factor is
///    `solarCapacityFactor` x the year factor, clipping at 1 (the scale is solved by
///    a few fixed-point steps, so the target is met within a fraction of a percent).
///
/// ### Wind
/// 1. Shape: 1 + `windSeasonalAmplitude` x cos(seasonal phase from `windPeakDay`)
///    + `windDiurnalAmplitude` x cos(daily phase from `windPeakHour`).
/// 2. Weather: a log-normal factor exp(σx − σ²/2) of an hourly AR(1) process x with
///    persistence `windHourlyPersistence`, so calm and windy spells last days.
/// 3. Scaling to `windCapacityFactor` x the year factor, clipped to [0, 1], as for solar.
///
/// ### Year-to-year variation
/// Each year's mean is the zone mean x (1 + sd x z) with z standard normal, drawn from
/// the year's own stream; `...YearToYearSD` of 0 gives every year the same mean.
///
/// Reproducibility: every year's draws come from `SplitMix64(key: seed, zone, year, stream)`;
/// changing the model or the order of draws changes seeded output.
public struct SyntheticResourceModel: Sendable, Equatable {
    public var zone: String
    /// Site latitude and longitude in degrees (north, east).
    public var latitude: Double
    public var longitude: Double
    /// Mean annual capacity factors (full-load hours / 8760).
    public var windCapacityFactor: Double
    public var solarCapacityFactor: Double
    /// Relative seasonal amplitude of wind and its peak day of year (0 = 1 January).
    public var windSeasonalAmplitude: Double
    public var windPeakDay: Double
    /// Relative diurnal amplitude of wind and its peak hour of day (Beijing time).
    public var windDiurnalAmplitude: Double
    public var windPeakHour: Double
    /// Lag-one autocorrelation of the hourly wind weather process.
    public var windHourlyPersistence: Double
    /// Spread σ of the log-normal wind weather factor.
    public var windVariability: Double
    /// Daily clearness index: mean, spread and lag-one autocorrelation between days.
    public var solarClearnessMean: Double
    public var solarClearnessSpread: Double
    public var solarDailyPersistence: Double
    /// Standard deviation of the annual mean relative to its long-run value.
    public var windYearToYearSD: Double
    public var solarYearToYearSD: Double
    /// Where the parameters come from.
    public var provenance: Provenance

    public init(zone: String, latitude: Double, longitude: Double, windCapacityFactor: Double, solarCapacityFactor: Double,
                windSeasonalAmplitude: Double = 0.25, windPeakDay: Double = 100, windDiurnalAmplitude: Double = 0.15,
                windPeakHour: Double = 2, windHourlyPersistence: Double = 0.97, windVariability: Double = 0.8,
                solarClearnessMean: Double = 0.75, solarClearnessSpread: Double = 0.22, solarDailyPersistence: Double = 0.5,
                windYearToYearSD: Double = 0.06, solarYearToYearSD: Double = 0.03, provenance: Provenance) {
        self.zone = zone; self.latitude = latitude; self.longitude = longitude
        self.windCapacityFactor = windCapacityFactor; self.solarCapacityFactor = solarCapacityFactor
        self.windSeasonalAmplitude = windSeasonalAmplitude; self.windPeakDay = windPeakDay
        self.windDiurnalAmplitude = windDiurnalAmplitude; self.windPeakHour = windPeakHour
        self.windHourlyPersistence = windHourlyPersistence; self.windVariability = windVariability
        self.solarClearnessMean = solarClearnessMean; self.solarClearnessSpread = solarClearnessSpread
        self.solarDailyPersistence = solarDailyPersistence
        self.windYearToYearSD = windYearToYearSD; self.solarYearToYearSD = solarYearToYearSD
        self.provenance = provenance
    }

    /// Stream ids mixed into the generator key.
    private enum Stream: UInt64 { case yearFactors = 1, wind = 2, solar = 3 }

    /// The profile of calendar `year` for `seed`.
    ///
    /// - Complexity: O(8760); allocates the two arrays of the profile.
    public func profile(year: Int, seed: UInt64) -> ResourceProfile {
        var wind = [Double](repeating: 0, count: ResourceProfile.hoursPerYear)
        var solar = [Double](repeating: 0, count: ResourceProfile.hoursPerYear)
        fill(year: year, seed: seed, wind: &wind, solar: &solar)
        return ResourceProfile(wind: wind, solar: solar, source: .synthetic(zone: zone, year: year, seed: seed))
    }

    /// Writes the profile of `year` into preallocated arrays of 8760 values (no allocation).
    public func fill(year: Int, seed: UInt64, wind: inout [Double], solar: inout [Double]) {
        let n = ResourceProfile.hoursPerYear
        precondition(wind.count == n && solar.count == n)
        let zoneKey = SplitMix64.key(zone)
        let y = UInt64(bitPattern: Int64(year))
        var factors = SplitMix64(key: seed, zoneKey, y, Stream.yearFactors.rawValue)
        let windYear = max(0.3, 1 + windYearToYearSD * factors.nextNormal())
        let solarYear = max(0.3, 1 + solarYearToYearSD * factors.nextNormal())

        // Wind: shape x log-normal AR(1) weather.
        var rng = SplitMix64(key: seed, zoneKey, y, Stream.wind.rawValue)
        let phi = windHourlyPersistence, innovation = (1 - phi * phi).squareRoot()
        let sigma = windVariability
        var x = rng.nextNormal()
        for h in 0..<n {
            let day = Double(h / 24), hour = Double(h % 24) + 0.5
            let shape = 1 + windSeasonalAmplitude * cos(2 * .pi * (day - windPeakDay) / 365)
                + windDiurnalAmplitude * cos(2 * .pi * (hour - windPeakHour) / 24)
            if h > 0 { x = phi * x + innovation * rng.nextNormal() }
            wind[h] = max(0, shape) * exp(sigma * x - sigma * sigma / 2)
        }
        Self.scale(&wind, toMean: min(0.95, windCapacityFactor * windYear))

        // Solar: clear-sky elevation x daily clearness AR(1).
        rng = SplitMix64(key: seed, zoneKey, y, Stream.solar.rawValue)
        let lat = latitude * .pi / 180
        let noonShift = (120 - longitude) / 15   // hours after 12:00 Beijing time
        let dayPhi = solarDailyPersistence, dayInnovation = (1 - dayPhi * dayPhi).squareRoot()
        var z = rng.nextNormal()
        for d in 0..<(n / 24) {
            if d > 0 { z = dayPhi * z + dayInnovation * rng.nextNormal() }
            let clearness = min(1, max(0.05, solarClearnessMean + solarClearnessSpread * z))
            let declination = 23.44 * .pi / 180 * sin(2 * .pi * Double(284 + d + 1) / 365)
            for hour in 0..<24 {
                let solarTime = Double(hour) + 0.5 - noonShift
                let hourAngle = (solarTime - 12) * 15 * .pi / 180
                let sinElevation = sin(lat) * sin(declination) + cos(lat) * cos(declination) * cos(hourAngle)
                solar[d * 24 + hour] = max(0, sinElevation) * clearness
            }
        }
        Self.scale(&solar, toMean: min(0.6, solarCapacityFactor * solarYear))
    }

    /// Scales `values` so their mean, after clipping at 1, is `target`.
    ///
    /// Fixed-point steps on the scale factor; the clipped mean is monotone in the scale, so
    /// eight steps meet the target to well under 0.1% for realistic capacity factors.
    static func scale(_ values: inout [Double], toMean target: Double) {
        let n = Double(values.count)
        var k = 1.0
        for _ in 0..<8 {
            var sum = 0.0
            for v in values { sum += min(1, v * k) }
            let mean = sum / n
            guard mean > 0 else { return }
            k *= target / mean
        }
        for i in values.indices { values[i] = min(1, values[i] * k) }
    }
}
