import Foundation

/// Where the package's built executables are, so tests run the real `datachat` and `FakeLLM` binaries.
///
/// SwiftPM puts the test runner next to the executables it built (`.build/debug/` or
/// `.build/<triple>/debug/`), so the folder is found from the running test binary, not from the current
/// directory or a hard-coded build path. `DATACHAT_BUILT_PRODUCTS` overrides the search.
public enum BuiltProducts {
    /// The folder holding the built executables: the nearest folder at or above the running test binary
    /// that contains `FakeLLM` (the test binary's own folder when none does).
    public static var directory: URL { located }

    public static func executable(_ name: String) -> URL {
        directory.appendingPathComponent(name)
    }

    private static let located: URL = {
        if let override = ProcessInfo.processInfo.environment["DATACHAT_BUILT_PRODUCTS"], !override.isEmpty {
            return URL(fileURLWithPath: override, isDirectory: true)
        }
        let start = runningBinary().deletingLastPathComponent()
        var folder = start
        while true {
            if FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("FakeLLM").path) {
                return folder
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return start }
            folder = parent
        }
    }()

    /// The test binary: `/proc/self/exe` on Linux; on macOS the `.xctest` bundle (the process is `xctest`).
    private static func runningBinary() -> URL {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        if let bundle = Bundle.allBundles.first(where: { $0.bundlePath.hasSuffix(".xctest") }) {
            return bundle.bundleURL
        }
        return Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    }
}
