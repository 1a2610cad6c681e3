extension CompiledModel {
    /// The discount factor of year index `t` at `rate`, with the model's timing and valuation date:
    /// valued at the start of construction, year index t is discounted as year t + 1
    /// (`ProjectConventions.ValuationDate`).
    @inlinable public func discountFactor(rate: Double, yearIndex t: Int) -> Double {
        timing.factor(rate: rate, yearIndex: t + conventions.discountYearsBeforeStartYear)
    }

    /// The net present value of yearly `flows` at `rate`, at the model's valuation date.
    public func presentValue(_ flows: [Double], rate: Double) -> Double {
        netPresentValue(rate: rate, flows, timing: timing, firstYearIndex: conventions.discountYearsBeforeStartYear)
    }
}
