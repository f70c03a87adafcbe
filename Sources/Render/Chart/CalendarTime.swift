import Basics

/// ISO 8601 dates and times as seconds since 1970 (UTC), and back: the time axis of a line chart.
///
/// Written out (Howard Hinnant's days-from-civil) rather than through a date formatter because SQLite
/// keeps dates as text, and a chart must read `2024-03-01`, `2024-03-01 10:30:00` and
/// `2024-03-01T10:30:00+02:00` alike, with no locale or time zone database involved.
public enum CalendarTime {
    /// Seconds since 1970-01-01T00:00:00Z, or nil when `text` is not an ISO date (optionally with a time
    /// and an offset). A month alone (`2024-03`) reads as its first day.
    public static func seconds(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        var index = 0
        func number(_ digits: Int) -> Int? {
            guard index + digits <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<index + digits] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            index += digits
            return value
        }
        func skip(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        guard let year = number(4), skip(UInt8(ascii: "-")), let month = number(2), (1...12).contains(month) else {
            return nil
        }
        var day = 1
        if skip(UInt8(ascii: "-")) {
            guard let value = number(2), (1...31).contains(value) else { return nil }
            day = value
        }
        var seconds = Double(CivilDate.days(year: year, month: month, day: day)) * 86_400
        guard index < bytes.count else { return seconds }
        guard bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "T") else { return nil }
        index += 1
        guard let hour = number(2), skip(UInt8(ascii: ":")), let minute = number(2), hour < 25, minute < 60 else {
            return nil
        }
        seconds += Double(hour * 3600 + minute * 60)
        if skip(UInt8(ascii: ":")) {
            guard let second = number(2), second < 61 else { return nil }
            seconds += Double(second)
            if skip(UInt8(ascii: ".")) {
                var scale = 0.1
                while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                    seconds += Double(bytes[index] - 48) * scale
                    scale /= 10
                    index += 1
                }
            }
        }
        guard index < bytes.count else { return seconds }
        if skip(UInt8(ascii: "Z")) { return index == bytes.count ? seconds : nil }
        let sign: Double
        if skip(UInt8(ascii: "+")) { sign = 1 } else if skip(UInt8(ascii: "-")) { sign = -1 } else { return nil }
        guard let offsetHours = number(2) else { return nil }
        _ = skip(UInt8(ascii: ":"))
        let offsetMinutes = number(2) ?? 0
        guard index == bytes.count else { return nil }
        return seconds - sign * Double(offsetHours * 3600 + offsetMinutes * 60)
    }

    /// `seconds` as text no longer than the span needs: a date, or a date and a time for spans under days.
    public static func text(_ seconds: Double, span: Double) -> String {
        let whole = Int((seconds).rounded(.down))
        let dayNumber = whole >= 0 ? whole / 86_400 : (whole - 86_399) / 86_400
        let (year, month, day) = CivilDate.civil(days: dayNumber)
        let date = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
        guard span < 3 * 86_400 else { return date }
        let inDay = whole - dayNumber * 86_400
        return date + " " + pad(inDay / 3600, 2) + ":" + pad(inDay % 3600 / 60, 2)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
