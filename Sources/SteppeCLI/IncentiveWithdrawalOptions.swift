import Foundation
import ArgumentParser

/// `--withdraw-all-from YEAR [--withdraw-only IDS]`: the policy stress "every incentive (or these)
/// withdrawn from YEAR on", applied to the scenario before it is evaluated or analysed.
struct IncentiveWithdrawalOptions: ParsableArguments {
    @Option(name: .customLong("withdraw-all-from"), help: ArgumentHelp(
        "Withdraw every incentive from this calendar year on (paid only before it): a policy stress test.",
        valueName: "year"))
    var fromYear: Int?

    @Option(name: .customLong("withdraw-only"), help: ArgumentHelp(
        "With --withdraw-all-from: withdraw only these incentives (ids, comma-separated).", valueName: "ids"))
    var only: String?

    func validate() throws {
        if only != nil && fromYear == nil { throw ValidationError("--withdraw-only needs --withdraw-all-from YEAR.") }
        if let fromYear, !(1900...2300).contains(fromYear) {
            throw ValidationError("--withdraw-all-from must be a calendar year between 1900 and 2300 (got \(fromYear)).")
        }
        if let only, ids(only).isEmpty { throw ValidationError("--withdraw-only lists no incentive ids.") }
    }

    private func ids(_ list: String) -> [String] {
        list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The stress to apply, if any.
    var withdrawal: IncentiveWithdrawal? {
        fromYear.map { IncentiveWithdrawal(fromYear: $0, incentives: only.map(ids)) }
    }

    /// `scenario` with the stress applied.
    func apply(to scenario: Scenario) -> Scenario {
        var stressed = scenario
        if let withdrawal { stressed.incentiveWithdrawal = withdrawal }
        return stressed
    }
}
