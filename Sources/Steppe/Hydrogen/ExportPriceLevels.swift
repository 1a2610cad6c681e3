/// The distinct positive export prices of a year, highest first, and the level of each hour.
///
/// Export is ranked by price with ties in hour order, so the export cap only needs the
/// surplus summed per price level: every level above the marginal one is exported in full,
/// the marginal level in hour order until the budget is spent, the rest curtailed. Prices
/// are fixed for a `Dispatch`, so the levels are found once, in its `init`.
struct ExportPriceLevels: Sendable {
    /// Level of each hour: an index into `price`, or `price.count` for hours whose price is
    /// at or below zero (or not a number), which are never exported.
    let level: [Int32]
    /// The distinct positive prices, highest first.
    let price: [Double]
    /// The exportable hours (positive price) by level, highest price first, each level in
    /// hour order: the hours of level `k` are `hours[start[k]..<start[k + 1]]`. (`hours` ends
    /// with one unused entry, so that it is never empty.)
    let hours: [Int32]
    let start: [Int32]
    /// Each hour's price where it is exportable, else 0, and 1 where it is exportable, else 0:
    /// factors that sum a year's exportable surplus and its value without a branch.
    let positivePrice: [Double]
    let exportable: [Double]

    /// The curtailed-only level: hours at or below zero price.
    var neverExported: Int { price.count }

    init(_ exportPrice: [Double]) {
        // A stable sort: equal prices stay in hour order.
        var byPrice = exportPrice.indices.filter { exportPrice[$0] > 0 }
        byPrice.sort { exportPrice[$0] > exportPrice[$1] || (exportPrice[$0] == exportPrice[$1] && $0 < $1) }
        var price: [Double] = [], start: [Int32] = []
        var level = [Int32](repeating: -1, count: exportPrice.count)
        for (i, h) in byPrice.enumerated() {
            if price.last != exportPrice[h] { price.append(exportPrice[h]); start.append(Int32(i)) }
            level[h] = Int32(price.count - 1)
        }
        start.append(Int32(byPrice.count))
        for h in level.indices where level[h] < 0 { level[h] = Int32(price.count) }
        self.level = level; self.price = price
        hours = byPrice.map { Int32($0) } + [0]; self.start = start
        positivePrice = exportPrice.map { $0 > 0 ? $0 : 0 }
        exportable = exportPrice.map { $0 > 0 ? 1 : 0 }
    }
}
