import ArgumentParser
import Foundation
import SitegenKit
import SitegenSupport

/// Starts a new site in a new or empty folder.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a new site in a new or empty folder.",
        discussion: """
            Writes sitegen.yml (each language named in itself), a home page and an \
            example page (a callout, a table, a link) per language: in Dutch or \
            English, else the English text to translate. The built-in theme has \
            interface texts in 18 languages; another shows English ones until the \
            site translates them in content/LANG/_strings.yml. There are no \
            templates: the built-in theme serves, and a file in templates/ replaces \
            its file of the same name. With --copy-theme, the whole theme is copied \
            into templates/ to edit.

            Refuses a folder that holds anything (other than .git). Then: \
            cd FOLDER && sitegen serve.
            """
    )

    @Argument(help: "The folder to make the site in (made when missing).")
    var folder: String = "."

    @Option(name: .long, help: "Language codes, the default first, separated by commas (default: en).")
    var languages: String = "en"

    @Option(name: .long, help: "The site's title (default: 'Documentation', in each language).")
    var title: String?

    @Flag(name: .customLong("copy-theme"), help: "Copy the built-in theme into templates/, to edit.")
    var copyTheme = false

    func run() throws {
        let codes = try languageCodes()
        try checkFolder()
        let files = SiteScaffold.files(languages: codes, title: title, copyTheme: copyTheme)
        for file in files {
            do {
                try NewFile.create(folder + "/" + file.path, with: file.bytes)
            } catch {
                throw UsageError("sitegen init stopped: \(error)")
            }
        }
        let next = folder == "." ? "sitegen serve" : "cd \(TranslationsCommand.shellQuoted(folder)) && sitegen serve"
        FileHandleOutput.standardError("sitegen: made a site in \(folder) (\(files.count) files, \(codes.joined(separator: ", "))"
            + (copyTheme ? ", with the theme in templates/" : "; the built-in theme serves it") + "). Next: \(next)")
    }

    /// `--languages`, checked: codes, none twice.
    func languageCodes() throws -> [String] {
        let codes = languages.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: .whitespaces) }
        guard !codes.isEmpty, codes.allSatisfy(SiteScaffold.isLanguageCode) else {
            throw UsageError("--languages \(languages): give language codes separated by commas, like 'nl,en' (letters, digits and '-')")
        }
        if let twice = codes.first(where: { code in codes.filter { $0 == code }.count > 1 }) {
            throw UsageError("--languages \(languages): '\(twice)' is given twice")
        }
        return codes
    }

    /// The folder must be new or empty (a `.git` may be there already).
    func checkFolder() throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else {
            throw UsageError("'\(folder)' is a file, not a folder; give sitegen init a new or empty folder")
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0 != ".git" }.sorted()
        if !names.isEmpty {
            let shown = names.prefix(3).joined(separator: ", ") + (names.count > 3 ? " and \(names.count - 3) more" : "")
            throw UsageError("'\(folder)' is not empty (it holds \(shown)); sitegen init writes only into a new or empty folder: give another FOLDER, like 'sitegen init mysite'")
        }
    }
}
