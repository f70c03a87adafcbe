import Basics
import Foundation
import Testing

@Suite struct CancellationTests {
    @Test func cancelIsAnInterruptSeenByEveryCopy() {
        let cancellation = Cancellation()
        let copy = cancellation.limited(by: .now + .seconds(60))
        #expect(!cancellation.isCancelled && copy.reason == nil)
        copy.cancel()
        #expect(cancellation.reason == .interrupted)
        #expect(copy.reason == .interrupted, "an interrupt wins over a deadline")
        cancellation.reset()
        #expect(!copy.isCancelled)
    }

    @Test func aPassedDeadlineCancelsWithItsOwnReason() async throws {
        let cancellation = Cancellation().limited(by: .now + .milliseconds(30))
        #expect(cancellation.reason == nil)
        try await Task.sleep(for: .milliseconds(40))
        #expect(cancellation.reason == .deadlinePassed)
        #expect(Cancellation.never.limited(by: .now - .seconds(1)).reason == .deadlinePassed)
    }

    @Test func theEarlierDeadlineWins() {
        let now = ContinuousClock.now
        let limited = Cancellation().limited(by: now + .seconds(5)).limited(by: now + .seconds(1))
        #expect(limited.deadline == now + .seconds(1))
        #expect(limited.limited(by: now + .seconds(9)).deadline == now + .seconds(1))
        #expect(limited.limited(by: nil).deadline == now + .seconds(1))
    }

    @Test func sleepEndsEarlyOnlyWhenCancelled() throws {
        let clock = ContinuousClock()
        var start = clock.now
        #expect(Cancellation.never.sleep(for: .milliseconds(60)))
        #expect(clock.now - start >= .milliseconds(60))

        // Cancelled from a thread of its own, as the signal handler does: a task on the cooperative pool
        // may wait behind other tests' blocking calls for longer than the sleep.
        let cancellation = Cancellation()
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 0.1)
            cancellation.cancel()
        }
        start = clock.now
        #expect(!cancellation.sleep(for: .seconds(10)))
        #expect(clock.now - start < .seconds(2))

        start = clock.now
        #expect(!Cancellation().limited(by: start + .milliseconds(50)).sleep(for: .seconds(10)))
        #expect(clock.now - start < .seconds(2))
    }

    @Test func neverIsNeverCancelled() {
        Cancellation.never.cancel()
        #expect(Cancellation.never.reason == nil)
        #expect(!Cancellation.never.canBeCancelled)
        #expect(Cancellation().canBeCancelled)
    }
}
