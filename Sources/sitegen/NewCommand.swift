import ArgumentParser
import Foundation
import SitegenKit
import SitegenBuild
import SitegenSupport

/// Writes a new page, and with --translate its translations' stubs.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a new page, and with --translate the stubs of its translations.",
        discussion: """
            Writes PATH (content/<language>/<name>.md, relative to the site folder) with \
            front matter: its title, from the file name unless --title gives one \
            (getting-started.md: 'Getting started').

            With --translate en,de, also content/en/<name>.md and content/de/<name>.md: \
            stubs with the same title, a shared translationKey and the translationOf of \
            the original as written, so 'sitegen translations' lists them at once (and \
            as outdated once the original has text). The page must then be in the \
            default language.

            Never replaces a file: when one exists, nothing is written.
            """
    )

    @Argument(help: "The page to write: content/<language>/<name>.md.")
    var path: String

    @Option(name: .long, help: "The page's title (default: from the file name).")
    var title: String?

    @Option(name: .long, help: "Languages to write translation stubs in, separated by commas.")
    var translate: String?

    @Option(name: .long, help: "The site folder, holding sitegen.yml.")
    var source: String = "."

    func run() throws {
        let config = try siteConfig()
        let target: PageScaffold.Target
        switch PageScaffold.Target.parse(path) {
        case .success(let value): target = value
        case .failure(let error): throw UsageError(error.description)
        }
        let codes = config.languages.map(\.code)
        guard codes.contains(target.language) else {
            throw UsageError("\(path): '\(target.language)' is not a language of \(SiteLayout.configFile) (\(codes.joined(separator: ", "))); put the page in one of those folders")
        }
        let translations = try translationLanguages(config: config, page: target.language)
        let files = PageScaffold.files(target, title: title, translations: translations)
        for file in files where FileManager.default.fileExists(atPath: source + "/" + file.path) {
            throw UsageError("\(file.path) already exists; sitegen new never replaces a file: edit it, or choose another name (nothing was written)")
        }
        for file in files {
            do {
                try NewFile.create(source + "/" + file.path, with: file.bytes)
            } catch {
                throw UsageError("sitegen new stopped: \(error)")
            }
            FileHandleOutput.standardError("sitegen: wrote \(file.path)")
        }
    }

    /// The site's settings (a usage error when they cannot be read).
    func siteConfig() throws -> SiteConfig {
        let file = try SiteFolder.open(source).path + "/" + SiteLayout.configFile
        guard let bytes = try? SiteFileReader.read(file, inside: FilePaths.realPath(source)), let text = String(validating: bytes, as: UTF8.self) else {
            throw UsageError(SiteLoader.NotASiteFolder(path: source).description)
        }
        let (config, problems) = SiteConfig.parse(text, file: SiteLayout.configFile)
        guard let config else {
            problems.forEach { FileHandleOutput.standardError($0.description) }
            throw ContentErrorExit()
        }
        return config
    }

    /// `--translate`, checked against the site's languages.
    func translationLanguages(config: SiteConfig, page language: String) throws -> [String] {
        guard let translate else { return [] }
        let codes = translate.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        let known = config.languages.map(\.code)
        for code in codes where !known.contains(code) || code == language {
            throw UsageError("--translate \(code): " + (code == language ? "that is the page's own language" : "not a language of \(SiteLayout.configFile) (\(known.joined(separator: ", ")))"))
        }
        guard language == config.defaultLanguage.code else {
            throw UsageError("--translate: translations are made from the default language (\(config.defaultLanguage.code)); write the page in content/\(config.defaultLanguage.code)/ first")
        }
        return codes
    }
}
