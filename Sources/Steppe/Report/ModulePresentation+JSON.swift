/// A module's report presentation in result JSON (`modulePresentation.<module>`), so that a report
/// built later from the JSON shows the module as the module describes itself.
extension ModulePresentation {
    var json: JSONValue {
        .object([
            ("id", .string(id)), ("title", .string(title)),
            ("charts", .array(charts.map { chart in
                .object([
                    ("id", .string(chart.id)), ("title", .string(chart.title)), ("yLabel", .string(chart.yLabel)),
                    ("caption", .string(chart.caption)), ("kind", .string(chart.kind.rawValue)),
                    ("series", .array(chart.series.map { .object([("name", .string($0.name)), ("label", .string($0.label))]) })),
                    ("scale", .number(chart.scale)),
                    ("references", .array(chart.references.map { .object([("label", .string($0.label)), ("value", .number($0.value))]) })),
                ])
            })),
            ("tableCaption", .string(tableCaption)),
            ("columns", .array(columns.map { column in
                .object([("series", .string(column.series)), ("label", .string(column.label)), ("scale", .number(column.scale)),
                         ("decimals", .number(Double(column.decimals))), ("flag", .bool(column.isFlag))])
            })),
            ("shownWhere", shownWhere.map(JSONValue.string) ?? .null),
        ])
    }

    /// Reads a presentation back; nil when a required member is missing or malformed.
    init?(json: JSONValue) {
        guard let id = json["id"]?.string, let title = json["title"]?.string, let charts = json["charts"]?.array,
              let tableCaption = json["tableCaption"]?.string, let columns = json["columns"]?.array else { return nil }
        var readCharts: [Chart] = []
        for chart in charts {
            guard let id = chart["id"]?.string, let title = chart["title"]?.string, let kind = chart["kind"]?.string.flatMap(Chart.Kind.init),
                  let series = chart["series"]?.array else { return nil }
            let named = series.compactMap { s -> (name: String, label: String)? in
                guard let name = s["name"]?.string else { return nil }
                return (name, s["label"]?.string ?? name)
            }
            let references = (chart["references"]?.array ?? []).compactMap { r -> Reference? in
                guard let label = r["label"]?.string, let value = r["value"]?.number else { return nil }
                return Reference(label, value)
            }
            readCharts.append(Chart(id: id, title: title, yLabel: chart["yLabel"]?.string ?? "", caption: chart["caption"]?.string ?? "",
                                    kind: kind, series: named, scale: chart["scale"]?.number ?? 1, references: references))
        }
        let readColumns = columns.compactMap { c -> Column? in
            guard let series = c["series"]?.string else { return nil }
            let decimals = c["decimals"]?.number.map { Int(Swift.max(0, Swift.min(6, $0))) } ?? 1
            return Column(series, c["label"]?.string ?? series, scale: c["scale"]?.number ?? 1, decimals: decimals,
                          isFlag: c["flag"]?.bool ?? false)
        }
        self.init(id: id, title: title, charts: readCharts, tableCaption: tableCaption, columns: readColumns,
                  shownWhere: json["shownWhere"]?.string)
    }
}
