import Testing
@testable import Steppe

@Suite("Green-power pricing")
struct GreenPowerPricingTests {
    @Test("Catalogue tariffs by voltage level are the seed's all-in prices", arguments: [
        (VoltageLevel.below1kV, 0.504), (.kV1to10, 0.477), (.kV110, 0.401), (.kV220AndAbove, 0.394),
    ])
    func catalogue(voltage: VoltageLevel, price: Double) {
        let p = GreenPowerPricing(voltage: voltage, transmissionDistributionFee: 0.1, crossSubsidy: 0.02)
        #expect(p.price(hour: 5).total == price)   // fees are inside the catalogue price, never added
        #expect(abs(p.annualCost(kWh: 1e6).total - price * 1e6) <= 1e-6)
    }

    @Test("A market purchase blends the renewable share, capped at 58% or 42% by industry, and adds fees")
    func marketBlend() {
        func pricing(_ share: Double, _ cap: GreenPowerPricing.RenewableShareCap) -> GreenPowerPricing {
            GreenPowerPricing(voltage: .kV220AndAbove,
                              basis: .market(renewableShare: share, renewablePrice: 0.2, otherPrice: 0.3, industry: cap),
                              transmissionDistributionFee: 0.05, crossSubsidy: 0.01)
        }
        #expect(abs(pricing(0.5, .strategicIndustry).averagePrice - (0.5 * 0.2 + 0.5 * 0.3 + 0.06)) <= 1e-12)
        // Asking for more than the cap prices the capped share.
        #expect(pricing(0.9, .strategicIndustry).effectiveRenewableShare == 0.58)
        #expect(pricing(0.9, .monoPolySilicon).effectiveRenewableShare == 0.42)
        #expect(abs(pricing(0.9, .monoPolySilicon).averagePrice - (0.42 * 0.2 + 0.58 * 0.3 + 0.06)) <= 1e-12)
    }

    @Test("Self-consumed power of an integrated project pays no backup fee or cross-subsidy while exempt")
    func selfConsumedExemption() {
        var p = GreenPowerPricing(voltage: .kV110, basis: .selfConsumed(exempt: true), systemBackupFee: 0.02, crossSubsidy: 0.01)
        #expect(p.averagePrice == 0)
        p.basis = .selfConsumed(exempt: false)
        #expect(abs(p.averagePrice - 0.03) <= 1e-15)
        #expect(p.price(hour: 0).systemBackup == 0.02 && p.price(hour: 0).transmissionDistribution == 0)
    }

    @Test("Time of use scales the energy component only")
    func timeOfUse() {
        var multipliers = Array(repeating: 1.0, count: 24)
        multipliers[18] = 1.5; multipliers[3] = 0.5
        let p = GreenPowerPricing(voltage: .kV110, basis: .fixed(price: 0.3), transmissionDistributionFee: 0.1,
                                  timeOfUse: TimeOfUse(multipliers: multipliers))
        #expect(abs(p.price(hour: 24 * 100 + 18).total - (0.45 + 0.1)) <= 1e-12)
        #expect(abs(p.price(hour: 3).energy - 0.15) <= 1e-12)
        #expect(abs(p.averagePrice - (0.3 + 0.1)) <= 1e-12)   // the multipliers average 1
    }

    @Test("The electricity section adds one cost line per load at its average price")
    func electricitySection() throws {
        let e = try evaluate("""
        name: factory
        startYear: 2026
        operatingYears: 3
        assetClasses: [{id: plant, lifeYears: 10}]
        capex: [{year: 2026, assetClass: plant, amount: 1.0e6}]
        products: [{id: widget, unit: unit, quantity: 1000, price: 10000}]
        discounting: {projectRate: 0.08, equityRate: 0.08}
        electricity:
          loads:
            - {id: plant-power, annualKWh: 2.0e6, voltage: kV110}
            - {id: cells-power, annualKWh: 1.0e6, voltage: kV220AndAbove, basis: strategicEmergingIndustry, price: 0.31}
        """)
        let power = e.opexByLine.first { $0.id == "plant-power" }!.amounts
        let cells = e.opexByLine.first { $0.id == "cells-power" }!.amounts
        #expect(power == [0, 2.0e6 * 0.401, 2.0e6 * 0.401, 2.0e6 * 0.401])
        #expect(cells == [0, 1.0e6 * 0.31, 1.0e6 * 0.31, 1.0e6 * 0.31])
    }
}
