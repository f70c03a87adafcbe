import Testing

@testable import LLM

@Suite struct RetryPolicyTests {
    let policy = RetryPolicy(
        configuration: LLMConfiguration(
            baseURL: "http://x/v1", apiKey: nil, model: "m", retryBaseDelay: 1, retryMaxDelay: 8))

    @Test(arguments: [408, 409, 429, 500, 502, 503, 504])
    func retriesTransientStatuses(status: Int) {
        let response = HTTPResponse(status: status, headers: [], body: [], firstByteSeconds: 0, totalSeconds: 0)
        let error = ChatClient.error(
            for: response, configuration: LLMConfiguration(baseURL: "http://x/v1", apiKey: "k", model: "m"))
        #expect(policy.shouldRetry(error, attempt: 1))
        #expect(!policy.shouldRetry(error, attempt: 3))
    }

    @Test(arguments: [400, 401, 403, 404, 422])
    func neverRetriesClientErrors(status: Int) {
        let response = HTTPResponse(status: status, headers: [], body: [], firstByteSeconds: 0, totalSeconds: 0)
        let error = ChatClient.error(
            for: response, configuration: LLMConfiguration(baseURL: "http://x/v1", apiKey: "k", model: "m"))
        #expect(!policy.shouldRetry(error, attempt: 1))
    }

    @Test func backoffGrowsWithJitterAndACap() {
        let error = LLMError(.unreachable, "x", isTransient: true)
        #expect(policy.delay(after: error, attempt: 1, random: 0) == 0.5)
        #expect(policy.delay(after: error, attempt: 1, random: 0.999) < 1)
        #expect(policy.delay(after: error, attempt: 3, random: 0) == 2)
        #expect(policy.delay(after: error, attempt: 10, random: 0.999) <= 8)
    }

    @Test func retryAfterWins() {
        let error = LLMError(.rateLimited, "x", status: 429, retryAfter: 3, isTransient: true)
        #expect(policy.delay(after: error, attempt: 1, random: 0.5) == 3)
        let tooLong = LLMError(.rateLimited, "x", status: 429, retryAfter: 3600, isTransient: true)
        #expect(!policy.shouldRetry(tooLong, attempt: 1))
    }

    @Test func readsRetryAfterForms() {
        #expect(RetryPolicy.retryAfter(seconds: "2", milliseconds: nil, now: 0) == 2)
        #expect(RetryPolicy.retryAfter(seconds: "2", milliseconds: "250", now: 0) == 0.25)
        let date = "Wed, 21 Oct 2015 07:28:00 GMT"
        #expect(HTTPDate.secondsSince1970(date) == 1_445_412_480)
        #expect(RetryPolicy.retryAfter(seconds: date, milliseconds: nil, now: 1_445_412_470) == 10)
        #expect(RetryPolicy.retryAfter(seconds: "soon", milliseconds: nil, now: 0) == nil)
    }
}
