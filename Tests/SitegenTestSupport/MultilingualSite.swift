@testable import SitegenKit
@testable import SitegenBuild

/// A small site in several languages, as a test writes one: `sitegen.yml`
/// naming them (the first is the default; each named in itself and right
/// to left where it is so written, as `sitegen init` writes them), a home
/// page per language, and any other files.
package struct MultilingualSite {
    package var languages: [String]
    /// More lines of `sitegen.yml`, after the languages.
    package var settings = ""
    /// Files by path, over the home pages (`content/LANG/index.md`).
    package var files: [String: String] = [:]

    package init(_ languages: [String], settings: String = "", files: [String: String] = [:]) {
        precondition(!languages.isEmpty, "a site needs a language")
        self.languages = languages
        self.settings = settings
        self.files = files
    }

    package var config: String {
        "title: Docs\ndefaultLanguage: \(languages[0])\nlanguages:\n"
            + languages.map { "  - code: \($0)\n    name: \(LanguageNames.name(of: $0))\n" + (LanguageNames.isRightToLeft($0) ? "    direction: rtl\n" : "") }.joined()
            + settings
    }

    /// Every file: `sitegen.yml`, a home page per language, then `files`.
    package var allFiles: [String: String] {
        var all = ["sitegen.yml": config]
        for language in languages { all["content/\(language)/index.md"] = "# Docs\n\nText.\n" }
        return all.merging(files) { $1 }
    }

    /// The site written into a new temporary folder.
    package func write() throws -> String {
        try ForeignLayoutTests.site(allFiles)
    }

    /// The site written and built with the built-in theme.
    package func build() throws -> (BuildReport, String) {
        try SiteFixtures.build(try write())
    }
}
