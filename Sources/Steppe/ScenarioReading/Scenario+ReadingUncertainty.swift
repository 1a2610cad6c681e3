extension SourceField {
    /// Keys that make a mapping in place of a number an uncertain input.
    static let uncertaintyKeys: Set<String> = ["distribution", "perYearMultiplier", "process"]

    /// Reads a number given as a mapping: a distribution, a per-year multiplier or a price
    /// process. Records the uncertain input with the reader and returns its base value.
    func uncertainNumber(min: Double?, max: Double?) -> Double? {
        guard let o = object() else { return nil }
        defer { o.finish() }
        let pattern = UncertainInput.pattern(of: path)
        guard UncertainInput.supportedPatterns.contains(pattern) else {
            reader.fail(node, path, "cannot be uncertain; distributions are supported for \(UncertainInput.supportedPatterns.joined(separator: ", "))")
            return nil
        }
        let law: UncertainInput.Law
        var base = o.optional("base")?.double()
        if o.has("distribution") {
            guard let d = SourceField.decodeDistribution(o) else { return nil }
            law = .distribution(d)
            base = base ?? d.baseValue
        } else if let multiplier = o.optional("perYearMultiplier") {
            guard let mo = multiplier.object() else { return nil }
            defer { mo.finish() }
            guard let d = SourceField.decodeDistribution(mo) else { return nil }
            law = .perYearMultiplier(d)
        } else if let process = o.optional("process") {
            guard let kind = process.string() else { return nil }
            let volatility = o.required("volatility")?.double(min: 0, max: 5)
            let p: PriceProcess
            switch kind {
            case "geometricBrownian":
                guard let volatility else { return nil }
                p = .geometricBrownian(volatility: volatility)
            case "meanReverting":
                let speed = o.required("reversionSpeed")?.double(max: 50, above: 0)
                guard let volatility, let speed else { return nil }
                p = .meanRevertingLog(speed: speed, volatility: volatility)
            default:
                reader.fail(o.node, o.childPath("process"), "'\(kind)' is not one of geometricBrownian, meanReverting")
                return nil
            }
            law = .process(p)
        } else {
            reader.fail(node, path, "give a value, or a mapping with 'distribution', 'perYearMultiplier' or 'process'")
            return nil
        }
        guard let base else {
            reader.fail(node, o.childPath("base"), "missing required key (the deterministic value)")
            return nil
        }
        if let min, base < min { reader.fail(node, o.childPath("base"), "must be >= \(min.formattedPlain) (got \(base))"); return nil }
        if let max, base > max { reader.fail(node, o.childPath("base"), "must be <= \(max.formattedPlain) (got \(base))"); return nil }
        reader.uncertain.append(UncertainInput(keyPath: path, base: base, law: law))
        return base
    }

    static let distributionNames = ["fixed", "uniform", "triangular", "pert", "normal", "lognormal", "beta", "discrete", "empirical"]

    /// `{distribution: NAME, ...parameters, truncate: [low, high]}`.
    static func decodeDistribution(_ o: SourceObject) -> Distribution? {
        let f = SourceField(node: o.node, path: o.path, reader: o.reader)
        guard let name = o.required("distribution")?.string() else { return nil }
        func number(_ key: String) -> Double? { o.required(key)?.double() }
        func numbers(_ key: String) -> [Double]? { o.required(key)?.list { $0.double() } }
        var d: Distribution?
        switch name {
        case "fixed": d = number("value").map { .fixed($0) }
        case "uniform": if let a = number("min"), let b = number("max") { d = .uniform(min: a, max: b) }
        case "triangular":
            if let a = number("min"), let c = number("mode"), let b = number("max") { d = .triangular(min: a, mode: c, max: b) }
        case "pert":
            let lambda = o.optional("lambda")?.double(above: 0) ?? 4
            if let a = number("min"), let c = number("mode"), let b = number("max") { d = .pert(min: a, mode: c, max: b, lambda: lambda) }
        case "normal": if let m = number("mean"), let s = number("sd") { d = .normal(mean: m, sd: s) }
        case "lognormal":
            if o.has("mu") || o.has("sigma") {
                if let mu = number("mu"), let sigma = number("sigma") { d = .lognormal(mu: mu, sigma: sigma) }
            } else if let m = number("mean"), let s = number("sd") {
                do { d = try Distribution.lognormal(mean: m, sd: s) } catch { o.reader.fail(o.node, o.path, error.description); return nil }
            }
        case "beta":
            let lo = o.optional("min")?.double() ?? 0, hi = o.optional("max")?.double() ?? 1
            if let a = number("alpha"), let b = number("beta") { d = .beta(alpha: a, beta: b, min: lo, max: hi) }
        case "discrete":
            if let v = numbers("values"), let p = numbers("probabilities") { d = .discrete(values: v, probabilities: p) }
        case "empirical":
            if let sample = numbers("sample") { d = Distribution.empirical(sample) }
        default:
            let hint = closestMatch(to: name, in: distributionNames).map { "; did you mean '\($0)'?" } ?? ""
            o.reader.fail(o.node, o.childPath("distribution"), "'\(name)' is not one of \(distributionNames.joined(separator: ", "))\(hint)")
            return nil
        }
        if let bounds = o.optional("truncate")?.list({ $0.double() }) {
            guard bounds.count == 2 else { o.reader.fail(o.node, o.childPath("truncate"), "give [low, high]"); return nil }
            d = d?.truncated(lower: bounds[0], upper: bounds[1])
        }
        guard let d else { return nil }
        do {
            try d.validate()
        } catch {
            f.reader.fail(o.node, o.path, error.description)
            return nil
        }
        return d
    }
}

extension Distribution {
    /// The deterministic value when the file gives no `base`: the mode of a triangular or
    /// PERT distribution, the value of a fixed one, otherwise the mean.
    var baseValue: Double? {
        switch self {
        case .fixed(let v): return v
        case .triangular(_, let mode, _), .pert(_, let mode, _, _): return mode
        default: return mean
        }
    }
}
