extension HydrogenModule {
    /// The section's prices, which act on the lines it contributes. Scaling every hour's export price
    /// by one positive factor keeps the hours' price order, so the dispatch (which exports by rank)
    /// is unchanged and only the export revenue scales: a path equals a direct evaluation (see
    /// docs/hydrogen.md). The dispatch depends on none of these prices; it depends on the plant's
    /// numbers (`HydrogenPlant.Parameter`), which each path then dispatches with its own draws.
    public static let uncertainInputs: [ModuleUncertainInput] = [
        ModuleUncertainInput(field: "hydrogenSales.price", drives: .productPrice(id: "hydrogen")),
        ModuleUncertainInput(field: "hydrogenSales.escalation", drives: .productEscalation(id: "hydrogen")),
        ModuleUncertainInput(field: "gridExport.price", drives: .productPrice(id: "grid-export"), mustStayPositiveBecause:
            "the base value and every draw must be positive: the dispatch ranks hours by export price, and a price at or below zero changes which hours export (truncate the distribution above 0)"),
        ModuleUncertainInput(field: "water.price", drives: .costPrice(id: "water")),
        ModuleUncertainInput(field: "water.escalation", drives: .costEscalation(id: "water")),
    ] + HydrogenPlant.Parameter.allCases.map {
        // The plant's own numbers: each path dispatches its own plant (`HydrogenPathModel`).
        ModuleUncertainInput(field: $0.rawValue, drives: .ownParameter, drawsWithin: $0.accepted)
    }
}
