extension ModulePathPresentation {
    /// Reads the form `json` writes; nil when `value` is not one (a block it cannot read is skipped).
    init?(json value: JSONValue) {
        guard let id = value["id"]?.string, let title = value["title"]?.string, let items = value["blocks"]?.array else { return nil }
        func chart(_ b: JSONValue) -> Chart {
            Chart(id: b["id"]?.string ?? "", title: b["title"]?.string ?? "", xLabel: b["xLabel"]?.string ?? "",
                  yLabel: b["yLabel"]?.string ?? "", caption: b["caption"]?.string ?? "")
        }
        func numbers(_ v: JSONValue?) -> [Double] { v?.numbers?.compactMap { $0 } ?? [] }
        let blocks: [Block] = items.compactMap { b in
            if let text = b["paragraph"]?.string { return .paragraph(text) }
            if let t = b["table"] {
                let rows = t["rows"]?.array?.map { row in
                    row.array?.map { Cell($0["text"]?.string ?? "", value: $0["value"]?.number) } ?? []
                } ?? []
                return .table(Table(id: t["id"]?.string ?? "", caption: t["caption"]?.string ?? "",
                                    columns: t["columns"]?.array?.compactMap(\.string) ?? [], rows: rows))
            }
            switch b["chart"]?.string {
            case "lines":
                let series = b["series"]?.array?.map { Series($0["label"]?.string ?? "", $0["values"]?.numbers ?? []) } ?? []
                let bands = b["bands"]?.array?.map { Band($0["label"]?.string ?? "", lower: numbers($0["lower"]), upper: numbers($0["upper"])) } ?? []
                return .lines(chart(b), x: numbers(b["x"]), series: series, bands: bands)
            case "histogram":
                return .histogram(chart(b), edges: numbers(b["edges"]), counts: numbers(b["counts"]))
            default:
                return nil
            }
        }
        self.init(id: id, title: title, blocks: blocks)
    }
}
