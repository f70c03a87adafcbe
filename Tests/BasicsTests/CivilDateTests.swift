import Basics
import Testing

@Suite struct CivilDateTests {
    @Test func daysAndBackAgree() {
        #expect(CivilDate.days(year: 1970, month: 1, day: 1) == 0)
        #expect(CivilDate.days(year: 2024, month: 3, day: 1) == 19_783)
        #expect(CivilDate.days(year: 1969, month: 12, day: 31) == -1)
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            let date = CivilDate.civil(days: days)
            #expect(CivilDate.days(year: date.year, month: date.month, day: date.day) == days)
        }
        #expect(CivilDate.civil(days: 19_782) == (2024, 2, 29))
    }
}
