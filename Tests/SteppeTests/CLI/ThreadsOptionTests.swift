import Testing
import SteppeCLI

@Suite("--threads")
struct ThreadsOptionTests {
    @Test("--threads says its default once, as the number of cores, not this machine's count", arguments: ["run", "compare", "incentives", "sensitivity"])
    func helpStatesDefaultOnce(command: String) {
        let help = SteppeCommand.run([command, "--help"]).standardOutput
        guard let start = help.range(of: "  --threads <") else { Issue.record("no --threads in \(help)"); return }
        let rest = help[start.upperBound...]
        let entry = rest.range(of: "\n  -").map { rest[..<$0.lowerBound] } ?? rest
        #expect(entry.contains("default: the number of cores"), "\(entry)")
        #expect(entry.components(separatedBy: "default").count == 2, "the default is stated twice: \(entry)")
    }

    @Test("--threads 0 is refused with its range")
    func zeroRefused() {
        let result = SteppeCommand.run(["run", "--threads", "0"])
        #expect(result.status == 64 && result.standardError.contains("--threads must be at least 1"), "\(result.standardError)")
    }
}
