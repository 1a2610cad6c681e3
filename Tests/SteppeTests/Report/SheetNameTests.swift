import Testing
@testable import Steppe

@Suite("Workbook sheet names")
struct SheetNameTests {
    @Test("Characters Excel forbids in a sheet name become underscores")
    func forbiddenCharactersAreReplaced() {
        #expect(SheetName.valid("a[b]c:d*e?f/g\\h") == "a_b_c_d_e_f_g_h")
    }

    @Test("A name is cut to 31 characters")
    func longNamesAreCut() {
        let name = SheetName.valid(String(repeating: "x", count: 40))
        #expect(name.count == 31)
    }

    @Test("Apostrophes at either end, an empty name and the reserved name History are refused")
    func reservedFormsFallBack() {
        #expect(SheetName.valid("'quoted'") == "quoted")
        #expect(SheetName.valid("") == "Sheet")
        #expect(SheetName.valid("HISTORY") == "Sheet")
    }

    @Test("Names equal without regard to case get numbered, and stay within 31 characters")
    func namesAreUniqueWithoutCase() {
        var taken: Set<String> = []
        let long = String(repeating: "m", count: 35)
        let names = ["Metrics", "metrics", long, long].map { SheetName.unique($0, taken: &taken) }
        #expect(names[0] == "Metrics" && names[1] == "metrics (2)")
        #expect(names[3].count == 31 && names[3].hasSuffix(" (2)") && names[2] != names[3])
    }
}
