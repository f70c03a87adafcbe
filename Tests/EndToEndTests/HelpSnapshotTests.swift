import Foundation
import TestSupport
import Testing

/// The whole `--help` of every command, compared with a committed snapshot: a change to the command-line
/// interface shows up as a diff of `HelpSnapshots/`, to be read in review like any other change.
///
/// After a deliberate change, `DATACHAT_RECORD_HELP=1 swift test --filter HelpSnapshotTests` writes the
/// snapshots anew; the test then fails once, so a recording never passes unseen.
@Suite struct HelpSnapshotTests {
    /// Every command path, root first; a command added to the tree and not here fails `everyCommandIsListed`.
    static let commands: [[String]] = [
        [], ["ask"], ["sessions"], ["sessions", "list"], ["sessions", "show"], ["sessions", "search"],
        ["sessions", "delete"], ["schema"], ["prompt"], ["sql"], ["sql", "check"], ["doctor"], ["load-sample"],
        ["model"], ["model", "setup"], ["model", "start"], ["model", "stop"], ["model", "status"], ["replay"],
        ["export"], ["stats"], ["history"], ["history", "migrate"],
    ]

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("HelpSnapshots")

    let home = TemporaryDirectory("help")

    /// A fixed width, so the wrapping does not follow the terminal the tests run in.
    var runner: DatachatRunner { DatachatRunner(home: home.path, environment: ["COLUMNS": "100"]) }

    static func snapshotName(_ command: [String]) -> String {
        (["datachat"] + command).joined(separator: "-") + ".txt"
    }

    @Test(arguments: commands)
    func helpMatchesSnapshot(_ command: [String]) throws {
        let result = try runner.run(command + ["--help"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let file = Self.folder.appendingPathComponent(Self.snapshotName(command))
        if ProcessInfo.processInfo.environment["DATACHAT_RECORD_HELP"] == "1" {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try Data(result.stdout.utf8).write(to: file)
            Issue.record("recorded \(file.lastPathComponent): run again without DATACHAT_RECORD_HELP")
            return
        }
        let snapshot = try String(contentsOf: file, encoding: .utf8)
        #expect(result.stdout == snapshot, "datachat \(command.joined(separator: " ")) --help changed")
    }

    /// Every snapshot belongs to a listed command, and the tree has no command the list lacks.
    @Test func everyCommandIsListed() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter {
            $0.hasSuffix(".txt")
        }
        #expect(Set(files) == Set(Self.commands.map(Self.snapshotName)))
        let dump = try runner.run(["--experimental-dump-help"])
        let tree = try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any]
        var paths: [[String]] = []
        func walk(_ command: [String: Any], _ path: [String]) {
            paths.append(path)
            for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                guard let name = sub["commandName"] as? String, name != "help" else { continue }
                walk(sub, path + [name])
            }
        }
        walk(try #require(tree?["command"] as? [String: Any]), [])
        #expect(Set(paths) == Set(Self.commands))
    }
}
