import Testing
@testable import Steppe
@testable import SteppeCLI

/// Every numeric option is checked before any work: a usage error naming the option, never a crash,
/// an overflow trap, a non-finite number in an output or a run without end.
@Suite("Numeric options")
struct OptionChecksTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let arguments: [String]
        /// Words the error must contain.
        let message: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    /// Runs `arguments` and checks it is refused before any work with `message`.
    static func expectRefused(_ c: Case) {
        let result = SteppeCommand.run(c.arguments)
        #expect(result.status != 0, "\(c.arguments) was accepted")
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.contains(c.message), "\(result.standardError)")
    }

    static let nonFinite: [Case] = [
        Case(arguments: ["run", "--hurdle", "nan", "--paths", "8"], message: "--hurdle must be a number from -1 to 10 (got nan)"),
        Case(arguments: ["run", "--covenant", "inf", "--paths", "8"], message: "--covenant must be a number from 0 to 1000 (got inf)"),
        Case(arguments: ["run", "--until-se", "inf", "--paths", "8"], message: "--until-se must be a positive number (got inf)"),
        Case(arguments: ["compare", "--hurdle", "nan", "--paths", "8"], message: "--hurdle must be a number from -1 to 10 (got nan)"),
        Case(arguments: ["incentives", "--policy-risk", "--hurdle", "nan", "--paths", "8"], message: "--hurdle must be a number"),
        Case(arguments: ["incentives", "--policy-risk", "--covenant", "inf", "--paths", "8"], message: "--covenant must be a number"),
        Case(arguments: ["sweep", "--param", "products[0].price=-1.7e308:1.7e308:3"], message: "from, to at most 1e15 in magnitude"),
    ]

    @Test("A non-finite or out-of-range number option is a usage error naming it", arguments: nonFinite)
    func nonFiniteNumber(_ c: Case) { Self.expectRefused(c) }

    static let tooLarge: [Case] = [
        Case(arguments: ["run", "--chunk-size", "9223372036854775807"], message: "--chunk-size must be at most 1048576"),
        Case(arguments: ["run", "--shard", "4611686018427387904/4611686018427387904", "--out", "/tmp/never-written.json"],
             message: "--shard must be i/n with 1 <= i <= n <= 1000000"),
        Case(arguments: ["run", "--paths", "1000000000001"], message: "--paths must be at most 1000000000000"),
        Case(arguments: ["run", "--exact-limit", "1000000000", "--paths", "8"], message: "--exact-limit must be at most 50000000"),
        Case(arguments: ["run", "--threads", "1000000", "--paths", "8"], message: "--threads must be at most 4096"),
        Case(arguments: ["compare", "--paths", "1000000000000000"], message: "--paths must be at most 1000000000"),
        Case(arguments: ["incentives", "--policy-risk", "--paths", "1000000000000000"], message: "--paths must be at most 1000000000"),
        Case(arguments: ["sensitivity", "--sobol", "--bootstrap", "1000000000000"], message: "--bootstrap must be at most 100000"),
        Case(arguments: ["sensitivity", "--sobol", "--paths", "10000000", "--bootstrap", "100000"], message: "resamples more than 10^10 values"),
        Case(arguments: ["sweep", "--param", "products[0].price=1:2:3", "--max-points", "4294967296"], message: "--max-points must be at most 1000000"),
    ]

    @Test("A size beyond its documented limit is a usage error naming the limit", arguments: tooLarge)
    func sizeBeyondLimit(_ c: Case) { Self.expectRefused(c) }

    @Test("A grid whose point count overflows 64 bits is refused with its size, not a trap")
    func gridOverflow() {
        let count = "4294967296"
        let result = SteppeCommand.run(["sweep", "--param", "products[0].price=1:2:\(count)", "--param", "products[0].quantity=1:2:\(count)",
                                        "--param", "capex[0].amount=1:2:\(count)"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("more than --max-points 10000"), "\(result.standardError)")
    }

    static let negative: [Case] = [
        Case(arguments: ["run", "--paths", "-5"], message: "--paths must be at least 1 (got -5)"),
        Case(arguments: ["run", "--seed", "-3"], message: "--seed must be a whole number from 0 to 18446744073709551615 (got -3)"),
        Case(arguments: ["run", "--shard", "-1/4", "--out", "/tmp/never-written.json"], message: "--shard must be i/n with 1 <= i <= n"),
        Case(arguments: ["compare", "--paths", "-5"], message: "--paths must be at least 1 (got -5)"),
        Case(arguments: ["compare", "--seed", "-5"], message: "--seed must be a whole number"),
        Case(arguments: ["sensitivity", "--sobol", "--paths", "-5"], message: "--paths must be at least 2 (got -5)"),
    ]

    @Test("A negative number says what is wrong with it, not 'Missing value'", arguments: negative)
    func negativeNumber(_ c: Case) { Self.expectRefused(c) }

    @Test("A negative hurdle within range is accepted (it is a value, not an option)")
    func negativeHurdleIsAValue() {
        let result = SteppeCommand.run(["run", "--hurdle", "-0.05", "--paths", "64", "--quiet", "--threads", "1"])
        #expect(result.status == 0, "\(result.standardError)")
    }

    @Test("A run estimated above the machine's physical memory is refused even under a higher --max-memory")
    func memoryAbovePhysicalIsRefused() throws {
        let refusal = try #require(OptionChecks.memoryRefusal(needed: 1_000_000_000, maxMemory: 1_000_000_000, what: "this run", advice: "shard it"))
        #expect(refusal.hasPrefix("this run needs about 1000000000 MB, more than this machine's "), "\(refusal)")
        #expect(OptionChecks.memoryRefusal(needed: 100, maxMemory: 1_000_000_000, what: "this run", advice: "shard it") == nil)
    }
}
