/// The pro forma quantities of a dispatch year, in the pro forma's units: the one place where
/// `HydrogenModule.contribute` (the base case's lines) and `HydrogenPathModel` (each Monte Carlo path's
/// rows) turn dispatch results into lines, so a path with the base weather gets the same numbers.
extension DispatchYear {
    /// Grid export in kWh (the `grid-export` product's quantity).
    var exportKWh: Double { export * 1000 }
    /// Self-consumed own generation in kWh (the `self-use-system-fees` line's quantity).
    var selfConsumptionKWh: Double { selfConsumption * 1000 }
    /// Water in tonnes for `tonnesPerKg` of water per kg of hydrogen produced (the `water` line's quantity).
    func waterTonnes(perKg tonnesPerKg: Double) -> Double { hydrogenProduced * tonnesPerKg }

    /// The lifetime capture price of the export (yuan/kWh): revenue over kWh summed year by year in
    /// order; 0 without export. The `grid-export` product's price, with `exportPriceShape` per year.
    static func lifetimeCapturePrice<Years: Collection<DispatchYear>>(_ years: Years) -> Double {
        var revenue = 0.0, kWh = 0.0
        for y in years { revenue += y.exportRevenue }
        for y in years { kWh += y.exportKWh }
        return kWh > 0 ? revenue / kWh : 0
    }

    /// The year's capture price relative to the lifetime one (1 when the lifetime one is 0).
    func exportPriceShape(lifetimeCapturePrice: Double) -> Double {
        lifetimeCapturePrice > 0 ? exportCapturePrice / lifetimeCapturePrice : 1
    }
}
