/// Shipped synthetic parameter sets for the example zones.
///
/// These are **synthetic assumptions**, not measurements. The seeds give only region-wide
/// ranges (mean wind power density 353 W/m², 000_f963353d18cfffc7.txt L71; solar
/// 4,800-6,200 MJ/m² and 2,600-3,400 sunshine hours a year, L75) and no per-zone
/// resource value. The mean capacity factors are typical full-load hours for the area
/// (wind 2,800 h and PV 1,600 h in western Inner Mongolia, as assumed in
/// `Scenarios/ejin-horo-green-hydrogen.yaml`); the shapes (spring wind peak, night-time
/// wind maximum, continental clear skies) are generic for the Mongolian plateau.
extension SyntheticResourceModel {
    /// Ejin Horo Banner, Ordos (Mengsu ETDZ), about 39.6° N, 109.8° E.
    public static let ejinHoroMengsu = SyntheticResourceModel(
        zone: "ejin-horo-mengsu", latitude: 39.6, longitude: 109.8,
        windCapacityFactor: 2800.0 / 8760, solarCapacityFactor: 1600.0 / 8760,
        provenance: .assumption(source: "synthetic: typical western Inner Mongolia full-load hours (wind 2,800 h, PV 1,600 h); region ranges 000_f963353d18cfffc7.txt L71, L75"))

    /// Alxa League (western desert, strongest sun), about 38.8° N, 105.7° E.
    public static let alxa = SyntheticResourceModel(
        zone: "alxa", latitude: 38.8, longitude: 105.7,
        windCapacityFactor: 2500.0 / 8760, solarCapacityFactor: 1750.0 / 8760,
        solarClearnessMean: 0.8, solarClearnessSpread: 0.18,
        provenance: .assumption(source: "synthetic: typical Alxa full-load hours (wind 2,500 h, PV 1,750 h); region ranges 000_f963353d18cfffc7.txt L71, L75"))

    /// Xilin Gol League (eastern grassland, strongest wind), about 43.9° N, 116.1° E.
    public static let xilinGol = SyntheticResourceModel(
        zone: "xilin-gol", latitude: 43.9, longitude: 116.1,
        windCapacityFactor: 3000.0 / 8760, solarCapacityFactor: 1550.0 / 8760,
        windSeasonalAmplitude: 0.3,
        provenance: .assumption(source: "synthetic: typical Xilin Gol full-load hours (wind 3,000 h, PV 1,550 h); region ranges 000_f963353d18cfffc7.txt L71, L75"))

    /// The shipped zones, by zone id.
    public static let shipped: [String: SyntheticResourceModel] = [
        ejinHoroMengsu.zone: ejinHoroMengsu, alxa.zone: alxa, xilinGol.zone: xilinGol,
    ]
}
