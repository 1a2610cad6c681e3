import Testing
import SteppeCLI

@Suite("steppe zones")
struct ZonesCommandTests {
    @Test("A mistyped zone gets a did-you-mean, as in a scenario")
    func didYouMean() {
        let result = SteppeCommand.run(["zones", "bautou"])
        #expect(result.status == 1 && result.standardError.contains("unknown zone 'bautou'; did you mean 'baotou'?"), "\(result.standardError)")
    }

    @Test("policies --zone and compare --zones suggest the zone too")
    func otherCommandsSuggest() {
        let policies = SteppeCommand.run(["policies", "--zone", "ejin-horo-mensu"])
        #expect(policies.standardError.contains("did you mean 'ejin-horo-mengsu'?"), "\(policies.standardError)")
        let compare = SteppeCommand.run(["compare", "--zones", "hohot,ordos", "--paths", "10"])
        #expect(compare.status != 0 && compare.standardError.contains("did you mean 'hohhot'?"), "\(compare.standardError)")
    }

    @Test("A name far from every zone gets no guess")
    func noGuess() {
        let result = SteppeCommand.run(["zones", "atlantis"])
        #expect(result.status == 1 && !result.standardError.contains("did you mean"), "\(result.standardError)")
    }
}
