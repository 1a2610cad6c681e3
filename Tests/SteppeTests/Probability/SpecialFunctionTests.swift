import Foundation
import Testing
@testable import Steppe

/// Reference values from SciPy 1.17.1 (`scipy.stats.norm.ppf`,
/// `scipy.stats.beta.ppf`, `scipy.special.betainc`), an implementation
/// independent of Steppe's (Cephes-derived, via Boost for beta). One value,
/// the beta(50, 20) quantile at 1e-300, is from an 80-digit mpmath bisection
/// instead: SciPy returns 4.6609e-7 there, 0.4% off.
@Suite("Special functions")
struct SpecialFunctionTests {
    static func relativeError(_ x: Double, _ y: Double) -> Double {
        x == y ? 0 : abs(x - y) / max(abs(y), .leastNormalMagnitude)
    }

    @Test("The AS 241 normal quantile matches SciPy's to 1e-14 relative", arguments: [
        (1e-300, -37.0470962993612), (1e-20, -9.262340089798409), (1e-10, -6.361340902404056),
        (0.02, -2.053748910631823), (0.3, -0.5244005127080409), (0.7, 0.5244005127080407),
        (0.975, 1.959963984540054), (0.9999999999, 6.361340889697422), (1 - 0x1p-53, 8.209536151601387),
    ])
    func normalQuantile(p: Double, expected: Double) {
        #expect(Self.relativeError(StandardNormal.quantile(p), expected) < 1e-14)
    }

    @Test("Normal quantile edge cases")
    func normalQuantileEdges() {
        #expect(StandardNormal.quantile(0.5) == 0)
        #expect(StandardNormal.quantile(0) == -.infinity)
        #expect(StandardNormal.quantile(1) == .infinity)
        #expect(StandardNormal.quantile(-0.1).isNaN)
        #expect(StandardNormal.quantile(.nan).isNaN)
        #expect(StandardNormal.quantile(.leastNonzeroMagnitude).isFinite)
    }

    @Test("Φ(Φ⁻¹(p)) returns p across 300 decades, to the precision the tail allows")
    func normalRoundTrip() {
        for e in stride(from: -300.0, through: -1, by: 7) {
            let p = pow(10, e)
            let x = StandardNormal.quantile(p)
            // d ln Φ / dx ≈ |x| in the tail, so a last-bit error in x
            // becomes a relative error of about x² · 2^-52 in p; allow 4.5 ulps
            // (AS 241 and erfc each err by about one).
            #expect(Self.relativeError(StandardNormal.cdf(x), p) < 1e-15 * (1 + x * x), "p = \(p)")
            #expect(Self.relativeError(StandardNormal.survival(-x), p) < 1e-15 * (1 + x * x), "p = \(p)")
        }
    }

    @Test("The incomplete beta I_x(a, b) matches SciPy's betainc to 1e-13 relative", arguments: [
        (2.0, 3.0, 1e-08, 5.999999919999999e-16), (2.0, 3.0, 0.37, 0.47240083), (2.0, 3.0, 0.93, 0.99870003),
        (0.5, 0.5, 1e-08, 6.366197734286143e-05), (0.5, 0.5, 0.93, 0.8295365716168013),
        (0.3, 4.0, 0.1, 0.7702924515085485), (0.3, 4.0, 0.93, 0.9999969164969909),
        (50.0, 20.0, 0.1, 6.517008170751018e-35), (50.0, 20.0, 0.37, 2.3316085859546766e-09),
        (50.0, 20.0, 0.5, 0.00012219850828878748), (50.0, 20.0, 0.93, 0.9999999681315743),
        (3.0, 1.5, 1e-08, 2.187499991796875e-24), (3.0, 1.5, 0.37, 0.09407110468914151),
        (3.0, 1.5, 0.93, 0.9256099064651678),
    ])
    func incompleteBeta(a: Double, b: Double, x: Double, expected: Double) {
        #expect(Self.relativeError(IncompleteBeta.regularized(x, a, b), expected) < 1e-13)
    }

    @Test("The inverse incomplete beta matches SciPy's beta.ppf to 1e-12 relative", arguments: [
        (2.0, 3.0, 1e-300, 4.082482904638631e-151), (2.0, 3.0, 1e-12, 4.082484015750327e-07),
        (2.0, 3.0, 0.01, 0.04199863562170072), (2.0, 3.0, 0.5, 0.3857275681323895),
        (2.0, 3.0, 0.9, 0.6795394162781817), (2.0, 3.0, 0.999999999999, 0.9999370034198778),
        (0.5, 0.5, 1e-12, 2.4674011002723395e-24), (0.5, 0.5, 0.25, 0.14644660940672624),
        (0.5, 0.5, 0.9, 0.9755282581475768),
        (0.3, 4.0, 1e-12, 1.904965320918662e-41), (0.3, 4.0, 0.01, 4.1041237593986866e-08),
        (0.3, 4.0, 0.5, 0.019778314565049332), (0.3, 4.0, 0.999999999999, 0.9983129763708734),
        (50.0, 20.0, 1e-300, 4.6419165115068557076e-07), (50.0, 20.0, 1e-12, 0.3057675682768379),
        (50.0, 20.0, 0.25, 0.678989815318132), (50.0, 20.0, 0.999999999999, 0.9613978452540005),
        (1.0, 1.0, 1e-300, 1e-300), (1.0, 1.0, 0.9, 0.9),
        (3.0, 1.5, 1e-300, 7.703427142216716e-101), (3.0, 1.5, 0.25, 0.5284810315047628),
        (3.0, 1.5, 0.999999999999, 0.9999999962616937),
    ])
    func inverseIncompleteBeta(a: Double, b: Double, p: Double, expected: Double) {
        #expect(Self.relativeError(IncompleteBeta.inverse(p, a, b), expected) < 1e-12)
    }

    @Test("I_x(a, b) and its inverse round-trip on a grid of shapes")
    func betaRoundTrip() {
        for a in [0.2, 0.7, 1.0, 2.5, 9.0, 120.0] {
            for b in [0.3, 1.0, 3.0, 40.0] {
                for p in [1e-15, 1e-6, 0.01, 0.2, 0.5, 0.8, 0.99, 1 - 1e-9] {
                    let x = IncompleteBeta.inverse(p, a, b)
                    #expect(x >= 0 && x <= 1)
                    if x > 0 && x < 1 {
                        // The error in p a last-bit error in x can cause: density × ulp.
                        let density = exp((a - 1) * log(x) + (b - 1) * log1p(-x) - IncompleteBeta.logBeta(a, b))
                        let tolerance = 1e-13 * min(p, 1 - p) + 4 * density * x.ulp
                        #expect(abs(IncompleteBeta.regularized(x, a, b) - p) <= tolerance, "a \(a) b \(b) p \(p)")
                    }
                }
            }
        }
    }
}
