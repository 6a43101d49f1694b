import ArgumentParser
import Foundation
import SitegenKit
import SitegenBuild

/// Shows which translations are current, outdated or missing, and marks
/// translations current.
struct TranslationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translations",
        abstract: "Show which translations are current, outdated or missing; mark translations current.",
        discussion: """
            Lists, for every language other than the default, each page of the default \
            language: current (its translation records the original's version now), \
            outdated (the original changed since, or the translation was never marked), \
            missing, or extra (the page exists only in that language); drafts included. \
            Then the UI strings of _strings.yml that each language lacks or only it has.

            A translation records the version of its original it matches in its front \
            matter ('translationOf: 3f9a0c12be47'). After updating a translation, run \
            'sitegen translations --mark-current PATH...' to write it; only that line of \
            the file changes.

            Exit status: 0; with --strict, 1 when a translation is outdated or missing or \
            a UI string is missing. 1 on content errors, 2 on usage errors.
            """
    )

    @Option(name: .long, help: "The site folder, holding sitegen.yml.")
    var source: String = "."

    @Option(name: .long, help: "text (default), markdown (GitHub tables) or json.")
    var format: TranslationReportFormat?

    @Flag(name: .long, help: "Exit with status 1 when a translation is outdated or missing, or a UI string is missing.")
    var strict = false

    @Option(name: .long, help: "Only this language.")
    var language: String?

    @Flag(name: .customLong("mark-current"), help: "Record that the translations PATH... match their originals now.")
    var markCurrent = false

    @Argument(help: "With --mark-current: translated pages (relative to the current folder or the site folder).")
    var paths: [String] = []

    func validate() throws {
        if markCurrent {
            guard !paths.isEmpty else { throw ValidationError("--mark-current needs the translations to mark, like content/en/guide-a.md") }
            guard format == nil, !strict, language == nil else {
                throw ValidationError("--mark-current cannot be combined with --format, --strict or --language")
            }
        } else if !paths.isEmpty {
            throw ValidationError("unexpected argument '\(paths[0])'; to mark translations current, add --mark-current")
        }
    }

    func run() throws {
        _ = try SiteFolder.open(source)
        if markCurrent {
            try mark()
        } else {
            try report()
        }
    }

    private func report() throws {
        let (loaded, diagnostics) = try TranslationReport.load(site: source)
        diagnostics.forEach { FileHandleOutput.standardError($0.description) }
        guard var report = loaded else { throw ContentErrorExit() }
        if let language {
            guard report.languages.contains(where: { $0.language.code == language }) else {
                let codes = report.languages.map(\.language.code)
                throw UsageError("--language \(language): not a translated language of the site (\(codes.isEmpty ? "it has one language" : codes.joined(separator: ", ")))")
            }
            report = report.restricted(to: language)
        }
        let sourceOption = source == "." ? "" : " --source \(Self.shellQuoted(source))"
        FileHandleOutput.standardOutput((format ?? .text).render(report, markCommand: "sitegen translations\(sourceOption) --mark-current"), newline: false)
        if strict && !report.isComplete { throw ContentErrorExit() }
    }

    private func mark() throws {
        let marked: [TranslationMarker.Marked]
        do {
            marked = try TranslationMarker.markCurrent(paths, site: source)
        } catch let failure as TranslationMarker.Failure {
            failure.diagnostics.forEach { FileHandleOutput.standardError($0.description) }
            FileHandleOutput.standardError("sitegen: nothing was marked")
            throw failure.isUsageError ? ExitCode(2) : ContentErrorExit()
        }
        for file in marked {
            if !file.changed {
                FileHandleOutput.standardOutput("\(file.file): already current (translationOf: \(file.hash))")
            } else {
                FileHandleOutput.standardOutput("\(file.file): marked current (translationOf: \(file.hash), \(file.previous.map { "was \($0)" } ?? "added"))")
            }
        }
    }

    /// A path as a shell reads it back: quoted when it has other characters than
    /// letters, digits and `/._-`.
    static func shellQuoted(_ text: String) -> String {
        let plain = text.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "/._-".unicodeScalars.contains($0)) }
        return plain && !text.isEmpty ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

extension TranslationReportFormat: ExpressibleByArgument {}
