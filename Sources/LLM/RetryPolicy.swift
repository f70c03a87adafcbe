import Basics

/// When a failed request is sent again, and how long to wait first.
///
/// Retries only what may pass on its own: dropped or refused connections, stalls, 408, 409, 429 and
/// 500/502/503/504. Never a 400, 401, 403, 404 or 422: the same request would fail the same way.
/// Waits grow exponentially with full jitter (AWS's "exponential backoff and jitter"), so many
/// clients hit by the same outage do not come back in step; a server's Retry-After wins.
struct RetryPolicy: Sendable {
    var maxAttempts: Int
    var baseDelay: Double
    var maxDelay: Double
    var maxRetryAfter: Double

    init(configuration: LLMConfiguration) {
        maxAttempts = max(1, configuration.maxAttempts)
        baseDelay = max(0, configuration.retryBaseDelay)
        maxDelay = max(baseDelay, configuration.retryMaxDelay)
        maxRetryAfter = configuration.maxRetryAfter
    }

    static let retryableStatuses: Set<Int> = [408, 409, 429, 500, 502, 503, 504]

    /// Whether `error`, from attempt number `attempt`, is worth another attempt. Errors mark themselves
    /// transient where they are made (`ChatClient.error(for:)` from the status, `CurlFailure` from the
    /// transfer); a Retry-After too long to wait for ends the retries.
    func shouldRetry(_ error: LLMError, attempt: Int) -> Bool {
        guard attempt < maxAttempts, error.isTransient, error.code != .cancelled else { return false }
        if let retryAfter = error.retryAfter, retryAfter > maxRetryAfter { return false }
        return true
    }

    /// Seconds to wait before attempt `attempt + 1`; `random` is in 0..<1 (injected for tests).
    func delay(after error: LLMError, attempt: Int, random: Double = Double.random(in: 0..<1)) -> Double {
        if let retryAfter = error.retryAfter { return max(0, retryAfter) }
        let ceiling = min(maxDelay, baseDelay * Double(1 << min(attempt - 1, 20)))
        // "Equal jitter": at least half the ceiling, so a retry never comes back at once.
        return ceiling / 2 + ceiling / 2 * random
    }

    /// Seconds from a Retry-After header: delta-seconds or an HTTP date; `retry-after-ms` (OpenAI's) first.
    static func retryAfter(seconds: String?, milliseconds: String?, now: Double) -> Double? {
        if let milliseconds, let value = Double(milliseconds.trimmingLeadingSpaces()), value >= 0 {
            return value / 1000
        }
        guard let text = seconds?.trimmingLeadingSpaces().trimmingTrailingNewline(), !text.isEmpty else { return nil }
        if let value = Double(text) { return max(0, value) }
        return HTTPDate.secondsSince1970(text).map { max(0, $0 - now) }
    }
}

/// The IMF-fixdate form of HTTP dates (`Wed, 21 Oct 2015 07:28:00 GMT`), the only one servers send today.
/// https://www.rfc-editor.org/rfc/rfc9110#name-date-time-formats
enum HTTPDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func secondsSince1970(_ text: String) -> Double? {
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[5] == "GMT", let day = Int(parts[1]),
            let month = months.firstIndex(of: parts[2].lowercased()), let year = Int(parts[3])
        else { return nil }
        let clock = parts[4].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3 else { return nil }
        let days = CivilDate.days(year: year, month: month + 1, day: day)
        return Double(days * 86_400 + clock[0] * 3_600 + clock[1] * 60 + clock[2])
    }
}
