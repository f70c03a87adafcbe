import Basics
import Foundation

extension Cancellation {
    /// A cancellation that another thread cancels `delay` from now, as Ctrl-C does in the middle of a call.
    public static func cancelled(after delay: Duration) -> Cancellation {
        let cancellation = Cancellation()
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: delay.seconds)
            cancellation.cancel()
        }
        return cancellation
    }
}
