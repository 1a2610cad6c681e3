extension HydrogenModule {
    /// The plant's yearly energy balance and hydrogen output from one dispatch of every operating
    /// year, with the export cap in force drawn as the reference on the export-share chart.
    func report(_ years: [DispatchYear], constructionYears lead: Int) -> ModuleReport {
        // Years before operation: no energy, and nothing exported, so compliant (1).
        func series(_ name: String, before: Double = 0, _ value: (DispatchYear) -> Double) -> ModuleReport.Series {
            .init(name, Array(repeating: before, count: lead) + years.map(value))
        }
        return ModuleReport(series: [
            series("generationMWh", \.generation),
            series("selfConsumptionMWh", \.selfConsumption),
            series("exportMWh", \.export),
            series("exportShare", \.exportShare),
            series("curtailmentMWh", \.curtailment),
            series("exportCompliant", before: 1, { $0.compliant ? 1 : 0 }),
            series("hydrogenProducedKg", \.hydrogenProduced),
            series("hydrogenDeliveredKg", \.hydrogenDelivered),
            series("gridImportMWh", \.gridImport),
            series("exportCapturePrice", \.exportCapturePrice),
            series("electrolyserOperatingHours", \.electrolyserOperatingHours),
            series("stackReplacements", { Double($0.stackReplacements) }),
        ], presentation: presentation)
    }

    /// The report's hydrogen section; its captions state the cap this scenario applies.
    var presentation: ModulePresentation {
        let cap = plant.exportCapShare
        let percent = (cap * 100).formattedPlain + "%"
        let regional = cap == HydrogenPlant.regionalExportCapShare
        let line = regional
            ? "the \(percent) limit for wind/solar-hydrogen projects (seed 002, L4172–4173)"
            : "the scenario's \(percent) cap (gridExport.capShare; the regional limit is \((HydrogenPlant.regionalExportCapShare * 100).formattedPlain)%, seed 002, L4172–4173)"
        let enforced = plant.enforceExportCap ? "" : " The cap is not enforced in this scenario (enforceCap: false), so the share may exceed it."
        return ModulePresentation(
            id: "hydrogen", title: "Hydrogen energy balance",
            charts: [
                .init(id: "hydrogen-energy-balance", title: "Energy balance of the wind/solar plant by year",
                      yLabel: "energy (GWh)",
                      caption: "Where the plant's generation goes each year: to the electrolysers (self-consumption), to the grid (export, capped at \(percent) of generation) and curtailed. Yearly totals of the hourly dispatch; the module reports no monthly series.",
                      kind: .stackedBars,
                      series: [("selfConsumptionMWh", "self-consumption"), ("exportMWh", "grid export"), ("curtailmentMWh", "curtailment")],
                      scale: 1e-3),
                .init(id: "hydrogen-export-share", title: "Grid-export share against the \(percent) limit",
                      yLabel: "export share of generation (%)",
                      caption: "Grid sales as a share of annual generation; the red line is \(line).\(enforced)",
                      kind: .lines, series: [("exportShare", "export share")], scale: 100,
                      references: [.init("\(percent) limit", cap * 100)]),
            ],
            tableCaption: "Hydrogen plant by year",
            columns: [
                .init("generationMWh", "generation (GWh)", scale: 1e-3), .init("selfConsumptionMWh", "self-consumption (GWh)", scale: 1e-3),
                .init("exportMWh", "export (GWh)", scale: 1e-3), .init("curtailmentMWh", "curtailment (GWh)", scale: 1e-3),
                .init("exportShare", "export share (%)", scale: 100, decimals: 2),
                .init("exportCompliant", "within \(percent) limit", isFlag: true),
                .init("hydrogenProducedKg", "H2 produced (t)", scale: 1e-3), .init("hydrogenDeliveredKg", "H2 delivered (t)", scale: 1e-3),
            ],
            shownWhere: "generationMWh")
    }
}
