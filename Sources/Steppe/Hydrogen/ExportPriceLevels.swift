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
    /// Every hour, ordered by level and, within a level, by hour: the hours of level `k` are
    /// `hoursByLevel[levelStart[k]..<levelStart[k + 1]]` (`levelStart` has `price.count + 2` entries).
    /// Lets a pass that computes every hour's surplus first sum it per level without a
    /// read-modify-write per hour.
    let hoursByLevel: [Int32]
    let levelStart: [Int]

    /// The curtailed-only level: hours at or below zero price.
    var neverExported: Int { price.count }

    init(_ exportPrice: [Double]) {
        let byPrice = exportPrice.indices.filter { exportPrice[$0] > 0 }.sorted { exportPrice[$0] > exportPrice[$1] }
        var price: [Double] = []
        var level = [Int32](repeating: -1, count: exportPrice.count)
        for h in byPrice {
            if price.last != exportPrice[h] { price.append(exportPrice[h]) }
            level[h] = Int32(price.count - 1)
        }
        for h in level.indices where level[h] < 0 { level[h] = Int32(price.count) }
        self.level = level; self.price = price
        var start = [Int](repeating: 0, count: price.count + 2)
        for l in level { start[Int(l) + 1] += 1 }
        for k in 0...price.count { start[k + 1] += start[k] }
        var next = start, hours = [Int32](repeating: 0, count: level.count)
        for h in level.indices {
            hours[next[Int(level[h])]] = Int32(h)
            next[Int(level[h])] += 1
        }
        hoursByLevel = hours; levelStart = start
    }
}
