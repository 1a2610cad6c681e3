import Testing
@testable import Steppe

@Suite("Workbook number formats")
struct WorkbookNumberFormatTests {
    @Test("Grouped money keeps its separator and decimals")
    func groupedMoney() {
        #expect(WorkbookNumberFormat.format(shownAs: "-1,234.57") == "#,##0.00")
    }

    @Test("A percent keeps its decimals and shows the fraction as percent")
    func percent() {
        #expect(WorkbookNumberFormat.format(shownAs: "17.9%") == "0.0%")
    }

    @Test("Four or more digits shown without a separator stay without one (years, path counts)")
    func yearsStayUngrouped() {
        #expect(WorkbookNumberFormat.format(shownAs: "2026") == "0")
    }

    @Test("Numbers under a thousand take the grouped format, so a column of money reads alike")
    func smallNumbersAreGrouped() {
        #expect(WorkbookNumberFormat.format(shownAs: "1.305") == "#,##0.000")
    }

    @Test("Full-precision chart data gives the General format")
    func fullPrecisionIsGeneral() {
        #expect(WorkbookNumberFormat.format(shownAs: "-488.22431234567") == "General")
    }

    @Test("Text that is not a plain formatted number gives the General format")
    func otherTextIsGeneral() {
        #expect(WorkbookNumberFormat.format(shownAs: "< 0.1% (3 of 10000 paths)") == "General")
    }
}
