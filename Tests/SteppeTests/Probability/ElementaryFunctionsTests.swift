import Foundation
import Testing
@testable import Steppe

/// `ElementaryFunctions`: eight lanes equal to the scalar versions to the bit,
/// within 1 ulp of the C library's (glibc's) functions, and the C library's
/// special values.
@Suite("Elementary functions in one and eight lanes")
struct ElementaryFunctionsTests {
    typealias Function = (
        scalar: @Sendable (Double) -> Double, lanes: @Sendable (SIMD8<Double>) -> SIMD8<Double>,
        reference: @Sendable (Double) -> Double
    )

    static let exp: Function = ({ ElementaryFunctions.exp($0) }, { ElementaryFunctions.exp($0) }, { Foundation.exp($0) })
    static let log: Function = ({ ElementaryFunctions.log($0) }, { ElementaryFunctions.log($0) }, { Foundation.log($0) })
    static let log1p: Function = ({ ElementaryFunctions.log1p($0) }, { ElementaryFunctions.log1p($0) }, { Foundation.log1p($0) })

    /// Arguments that are not ordinary numbers for one function or another,
    /// and the edges of their ranges.
    static let specials: [Double] = [
        0, -0.0, 1, -1, 2, -2, .infinity, -.infinity, .nan, -.nan, .signalingNaN,
        .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude,
        -.greatestFiniteMagnitude, 709.782712893383973096, (709.782712893383973096).nextUp, 710, 1000,
        -745.13321910194110842, (-745.13321910194110842).nextDown, -746, -1000, -708.4, -740,
        1e-300, -1e-300, 1e-20, -1e-20, 1e-10, -1e-10, 0x1p-53, -0x1p-53, (0x1p-53).nextDown, -(0x1p-53).nextDown,
        (-1.0).nextUp, (-1.0).nextDown, -0.9999999999, -0.29289321881345254, 0.41421356237309503,
        0.7071067811865476, 1.4142135623730951, 0x1p53, 0x1p54, 1e300,
    ]

    /// 50 000 arguments in [-745, 710], 50 000 in [-1, 1], 10 000 where
    /// e^x is subnormal, and the special ones.
    static let expArguments: [Double] = {
        var g = PathRandomGenerator(seed: 41, path: 0)
        var xs = specials
        for _ in 0..<50_000 { xs.append(Double.random(in: -745...710, using: &g)) }
        for _ in 0..<50_000 { xs.append(Double.random(in: -1...1, using: &g)) }
        for _ in 0..<10_000 { xs.append(Double.random(in: -746 ... -708, using: &g)) }
        return xs
    }()

    /// 40 000 random bit patterns of positive finite doubles (subnormals
    /// included), 20 000 of subnormals, 40 000 uniforms in (0, 1), and the
    /// special arguments.
    static let logArguments: [Double] = {
        var g = PathRandomGenerator(seed: 42, path: 0)
        var xs = specials
        for _ in 0..<40_000 {
            let exponent = UInt64.random(in: 0...0x7FE, using: &g) << 52
            xs.append(Double(bitPattern: exponent | (g.next() & 0x000F_FFFF_FFFF_FFFF)))
        }
        for _ in 0..<20_000 { xs.append(Double(bitPattern: g.next() & 0x000F_FFFF_FFFF_FFFF)) }
        for _ in 0..<40_000 { xs.append(Double.random(in: 0..<1, using: &g).nextUp) }
        return xs
    }()

    /// 40 000 arguments in (-1, 1), 30 000 of magnitude 2^-1074 to 2^-20
    /// (either sign), 30 000 in [1, 1e300] (log-uniform), 10 000 in
    /// (-1, -0.999), and the special arguments.
    static let log1pArguments: [Double] = {
        var g = PathRandomGenerator(seed: 43, path: 0)
        var xs = specials
        for _ in 0..<40_000 { xs.append(Double.random(in: -1..<1, using: &g).nextUp) }
        for _ in 0..<30_000 {
            let magnitude = Double(sign: .plus, exponent: Int.random(in: -1074 ... -21, using: &g), significand: Double.random(in: 1..<2, using: &g))
            xs.append(Bool.random(using: &g) ? magnitude : -magnitude)
        }
        for _ in 0..<30_000 { xs.append(Foundation.exp(Double.random(in: 0...690.8, using: &g))) }
        for _ in 0..<10_000 { xs.append(-1 + Double.random(in: 0..<1e-3, using: &g).nextUp) }
        return xs
    }()

    /// The arguments whose lanes differ from the scalar result's bits (both
    /// nan counts as equal), in groups of eight consecutive arguments.
    static func laneMismatches(_ function: Function, _ xs: [Double]) -> [Double] {
        var xs = xs
        while xs.count % 8 != 0 { xs.append(0.5) }
        var found: [Double] = []
        for start in stride(from: 0, to: xs.count, by: 8) {
            let y = function.lanes(SIMD8(xs[start..<(start + 8)]))
            for j in 0..<8 {
                let s = function.scalar(xs[start + j])
                if y[j].bitPattern != s.bitPattern && !(y[j].isNaN && s.isNaN) { found.append(xs[start + j]) }
            }
        }
        return found
    }

    /// The distance in ulps between two results: 0 when equal or both nan,
    /// the difference of the bit patterns for the same sign, and `.max` else.
    static func ulps(_ x: Double, _ y: Double) -> UInt64 {
        if x.isNaN || y.isNaN { return x.isNaN && y.isNaN ? 0 : .max }
        if x == y { return 0 }
        guard x.sign == y.sign else { return .max }
        return x.bitPattern > y.bitPattern ? x.bitPattern - y.bitPattern : y.bitPattern - x.bitPattern
    }

    /// The arguments where the scalar result is more than 1 ulp from the C library's.
    static func beyondOneUlp(_ function: Function, _ xs: [Double]) -> [Double] {
        xs.filter { ulps(function.scalar($0), function.reference($0)) > 1 }
    }

    /// A vector of ordinary arguments with x in lane `lane`.
    static func vector(_ x: Double, inLane lane: Int) -> SIMD8<Double> {
        var v = SIMD8<Double>(0.5, 1.5, 3, 0.25, 7, 0.125, 0.75, 10)
        v[lane] = x
        return v
    }

    /// `function` at x in lane `lane` of a vector whose other lanes hold ordinary arguments.
    static func inLane(_ function: Function, _ x: Double, lane: Int) -> Double {
        function.lanes(vector(x, inLane: lane))[lane]
    }

    @Test("exp: each lane equals the scalar exp to the bit on 110 000 arguments and the special ones")
    func expLanesEqualScalar() {
        let found = Self.laneMismatches(Self.exp, Self.expArguments)
        #expect(found.isEmpty, "\(found.prefix(5))")
    }

    @Test("log: each lane equals the scalar log to the bit on 100 000 arguments and the special ones")
    func logLanesEqualScalar() {
        let found = Self.laneMismatches(Self.log, Self.logArguments)
        #expect(found.isEmpty, "\(found.prefix(5))")
    }

    @Test("log1p: each lane equals the scalar log1p to the bit on 110 000 arguments and the special ones")
    func log1pLanesEqualScalar() {
        let found = Self.laneMismatches(Self.log1p, Self.log1pArguments)
        #expect(found.isEmpty, "\(found.prefix(5))")
    }

    @Test("A special argument in any lane, among ordinary ones, leaves every lane equal to the scalar result")
    func specialsInEveryLane() {
        for function in [Self.exp, Self.log, Self.log1p] {
            for x in Self.specials {
                for lane in 0..<8 {
                    let v = Self.vector(x, inLane: lane)
                    let y = function.lanes(v)
                    for j in 0..<8 {
                        let s = function.scalar(v[j])
                        #expect(y[j].bitPattern == s.bitPattern || (y[j].isNaN && s.isNaN), "x = \(x) in lane \(lane), lane \(j)")
                    }
                }
            }
        }
    }

    @Test("exp is within 1 ulp of the C library's exp on 110 000 arguments and the special ones")
    func expWithinOneUlp() {
        let found = Self.beyondOneUlp(Self.exp, Self.expArguments)
        #expect(found.isEmpty, "\(found.prefix(5))")
    }

    @Test("log is within 1 ulp of the C library's log on 100 000 arguments and the special ones")
    func logWithinOneUlp() {
        let found = Self.beyondOneUlp(Self.log, Self.logArguments)
        #expect(found.isEmpty, "\(found.prefix(5))")
    }

    @Test("log1p is within 1 ulp of the C library's log1p on 110 000 arguments and the special ones")
    func log1pWithinOneUlp() {
        let found = Self.beyondOneUlp(Self.log1p, Self.log1pArguments)
        #expect(found.isEmpty, "\(found.prefix(5))")
    }

    @Test("exp of nan, ±inf, 0, tiny x, and past the overflow and underflow thresholds, in one lane and eight")
    func expSpecialValues() {
        let versions: [(String, (Double) -> Double)] = [("scalar", Self.exp.scalar), ("lanes", { Self.inLane(Self.exp, $0, lane: 5) })]
        for (name, exp) in versions {
            #expect(exp(.nan).isNaN, "\(name)")
            #expect(exp(.infinity) == .infinity, "\(name)")
            #expect(exp(-.infinity).bitPattern == 0, "\(name)")
            #expect(exp(0) == 1 && exp(-0.0) == 1 && exp(1e-300) == 1 && exp(-1e-300) == 1, "\(name)")
            // e_exp.c's thresholds: the largest x with a finite e^x, and the
            // least with e^x not rounding to 0.
            #expect(exp(709.782712893383973096) == Foundation.exp(709.782712893383973096), "\(name)")
            #expect(exp((709.782712893383973096).nextUp) == .infinity && exp(710) == .infinity, "\(name)")
            #expect(exp(-745.13321910194110842) == .leastNonzeroMagnitude, "\(name)")
            #expect(exp((-745.13321910194110842).nextDown).bitPattern == 0 && exp(-1000).bitPattern == 0, "\(name)")
            #expect(exp(-740).isSubnormal && exp(-740) == Foundation.exp(-740.0), "\(name)")
        }
    }

    @Test("log of ±0, negatives, ±inf, nan, 1 and subnormals, in one lane and eight")
    func logSpecialValues() {
        let versions: [(String, (Double) -> Double)] = [("scalar", Self.log.scalar), ("lanes", { Self.inLane(Self.log, $0, lane: 2) })]
        for (name, log) in versions {
            #expect(log(0) == -.infinity && log(-0.0) == -.infinity, "\(name)")
            #expect(log(-1).isNaN && log(-.leastNonzeroMagnitude).isNaN && log(-.infinity).isNaN, "\(name)")
            #expect(log(.infinity) == .infinity && log(.nan).isNaN, "\(name)")
            #expect(log(1).bitPattern == 0, "\(name)")
            #expect(log(.leastNonzeroMagnitude) == Foundation.log(Double.leastNonzeroMagnitude), "\(name)")
            #expect(Self.ulps(log(0x1.8p-1050), Foundation.log(0x1.8p-1050)) <= 1, "\(name)")
        }
    }

    @Test("log1p of -1, below -1, ±inf, nan, ±0, tiny x and x near -1, in one lane and eight")
    func log1pSpecialValues() {
        let versions: [(String, (Double) -> Double)] = [("scalar", Self.log1p.scalar), ("lanes", { Self.inLane(Self.log1p, $0, lane: 7) })]
        for (name, log1p) in versions {
            #expect(log1p(-1) == -.infinity, "\(name)")
            #expect(log1p(-1.5).isNaN && log1p((-1.0).nextDown).isNaN && log1p(-.infinity).isNaN, "\(name)")
            #expect(log1p(.infinity) == .infinity && log1p(.nan).isNaN, "\(name)")
            #expect(log1p(-0.0).bitPattern == (-0.0).bitPattern && log1p(0).bitPattern == 0, "\(name)")
            for x in [1e-300, -1e-300, 1e-20, -1e-20, (0x1p-53).nextDown, -(0x1p-53).nextDown, .leastNonzeroMagnitude, 0x1p-1022] {
                #expect(log1p(x) == x, "\(name) x = \(x)")
            }
            #expect(Self.ulps(log1p((-1.0).nextUp), Foundation.log1p((-1.0).nextUp)) <= 1, "\(name)")
            #expect(Self.ulps(log1p(1e-10), Foundation.log1p(1e-10)) <= 1, "\(name)")
        }
    }
}
