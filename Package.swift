// swift-tools-version: 6.0
import PackageDescription

/// datachat: ask a database questions in plain language.
///
/// Each target is one stage of a turn (docs/ARCHITECTURE.md says what each owns); a target imports only
/// the targets listed above it. The C libraries are system-library targets whose `shim.h` gives the
/// variadic C calls typed wrappers. Linux only: the terminal, signal and process code is Glibc's.
let package = Package(
    name: "datachat",
    products: [
        .executable(name: "datachat", targets: ["datachat"]),
        .executable(name: "FakeLLM", targets: ["FakeLLM"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),

        .target(name: "Basics"),
        .target(name: "SQLGuard"),
        .target(name: "LLM", dependencies: ["CCurl", "Basics"]),
        .target(name: "Databases", dependencies: ["CSQLite", "CPQ", "SQLGuard", "Basics"]),
        .target(name: "History", dependencies: ["Databases", "SQLGuard"]),
        .target(name: "Render", dependencies: ["Databases", "SQLGuard", "Basics"]),
        .target(name: "Assistant", dependencies: ["SQLGuard", "LLM", "Databases", "History", "Render", "Basics"]),
        .target(
            name: "Replay", dependencies: ["Assistant", "SQLGuard", "LLM", "Databases", "History", "Render", "Basics"]),
        .target(
            name: "DatachatApp",
            dependencies: [
                "Assistant", "Replay", "Render", "History", "Databases", "LLM", "SQLGuard", "CEdit", "Basics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "datachat", dependencies: ["DatachatApp"]),
        .executableTarget(name: "FakeLLM", dependencies: ["Basics"]),

        .testTarget(
            name: "SQLGuardTests", dependencies: ["SQLGuard", "Databases", "TestSupport"], exclude: ["Corpus"]),
        .testTarget(name: "LLMTests", dependencies: ["LLM", "TestSupport"]),
        .testTarget(name: "DatabasesTests", dependencies: ["Databases", "TestSupport"]),
        .testTarget(name: "HistoryTests", dependencies: ["History", "TestSupport"]),
        .testTarget(
            name: "RenderTests", dependencies: ["Render", "SQLGuard", "TestSupport"], exclude: ["ChartGoldens"]),
        .testTarget(name: "AssistantTests", dependencies: ["Assistant", "TestSupport"]),
        .testTarget(name: "BasicsTests", dependencies: ["Basics"]),
        .testTarget(name: "ReplayTests", dependencies: ["Replay", "Assistant", "TestSupport"]),
        .testTarget(name: "DatachatAppTests", dependencies: ["DatachatApp", "TestSupport"]),
        .testTarget(
            name: "EndToEndTests", dependencies: ["TestSupport", "datachat", "FakeLLM"], exclude: ["HelpSnapshots"]),
        .target(name: "TestSupport", dependencies: ["Databases", "Basics"], path: "Tests/TestSupport"),
    ],
    swiftLanguageModes: [.v6]
)
