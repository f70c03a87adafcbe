import FoundationEssentials

/// Finds the folders datachat ships beside its code (prompts/, sample-data/, scripts/).
///
/// They are found from `swift run` (the source tree above `.build`), from an installed binary
/// (`../share/datachat/` beside `bin/`), and an environment variable overrides either.
struct ResourceLocator {
    let environment: [String: String]

    /// The folder named `name` holding `marker`, or nil.
    func directory(named name: String, containing marker: String, override variable: String) -> String? {
        if let path = environment[variable], !path.isEmpty { return path }
        for candidate in candidates(for: name) where FileManager.default.fileExists(atPath: candidate + "/" + marker) {
            return candidate
        }
        return nil
    }

    var promptsDirectory: String? {
        directory(named: "prompts", containing: "system.md", override: "DATACHAT_PROMPTS_DIR")
    }

    var sampleDirectory: String? {
        directory(named: "sample-data", containing: "schema.sqlite.sql", override: "DATACHAT_SAMPLE_DIR")
    }

    /// Where `local-model` is, the script that sets up and serves the model on this machine.
    var scriptsDirectory: String? {
        directory(named: "scripts", containing: "local-model", override: "DATACHAT_SCRIPTS_DIR")
    }

    private func candidates(for name: String) -> [String] {
        var folders: [String] = []
        var folder = Self.executableDirectory()
        folders.append(folder + "/../share/datachat/" + name)
        // .build/<triple>/debug/datachat -> walk up to the package root.
        for _ in 0..<5 {
            folders.append(folder + "/" + name)
            guard let slash = folder.lastIndex(of: "/"), slash != folder.startIndex else { break }
            folder = String(folder[..<slash])
        }
        folders.append(FileManager.default.currentDirectoryPath + "/" + name)
        return folders
    }

    static func executableDirectory() -> String {
        let path =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }
}
