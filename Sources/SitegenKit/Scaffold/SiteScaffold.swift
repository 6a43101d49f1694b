/// What `sitegen init` writes: `sitegen.yml`, a home page and an example
/// page per language, and the theme itself only when asked to copy it
/// (else the built-in theme serves). A language the built-in theme has no
/// UI strings for shows its English ones until the site translates them in
/// `content/<lang>/_strings.yml` (the build warns once).
package enum SiteScaffold {
    /// A language code sitegen.yml accepts: letters, digits and `-`.
    package static func isLanguageCode(_ code: String) -> Bool {
        !code.isEmpty && code.utf8.allSatisfy { $0 == UInt8(ascii: "-") || ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }
            && !code.hasPrefix("-") && !code.hasSuffix("-")
    }

    /// The files, in order; the first language is the default.
    package static func files(languages: [String], title: String?, copyTheme: Bool) -> [ScaffoldFile] {
        precondition(!languages.isEmpty, "init needs a language")
        var files = [ScaffoldFile(path: SiteLayout.configFile, text: settings(languages: languages, title: title))]
        let original = StarterPages.texts(for: languages[0])
        for language in languages {
            files += pages(language: language, original: language == languages[0] ? nil : (languages[0], original))
        }
        files.append(ScaffoldFile(path: ".gitignore", text: "# sitegen's output and what it keeps beside it while building\n/_site/\n/._site.sitegen-*\n"))
        if copyTheme {
            files += BuiltInTheme.files.map { ScaffoldFile(path: SiteLayout.templatesFolder + "/" + $0.path, bytes: $0.bytes) }
        }
        return files
    }

    static func settings(languages: [String], title: String?) -> String {
        var text = "# sitegen site settings: see sitegen's docs/authoring.md (\"Site settings\").\n"
        if let title {
            text += "title: \(YAMLQuoting.quoted(title))\n"
        } else {
            text += "title:\n" + languages.map { "  \($0): \(YAMLQuoting.quoted(StarterPages.texts(for: $0).siteTitle))\n" }.joined()
        }
        text += "defaultLanguage: \(languages[0])\nlanguages:\n"
        for language in languages {
            text += "  - code: \(language)\n    name: \(YAMLQuoting.quoted(LanguageNames.name(of: language)))\n"
            if LanguageNames.isRightToLeft(language) { text += "    direction: rtl\n" }
        }
        if languages.count > 1 {
            text += "# A page not translated yet is built from the \(languages[0]) page, with a notice.\nmissingPages: fallback\n"
            text += "# A translation whose original changed after it was translated says so.\ntranslationNotices: true\n"
        }
        return text + "output: _site\n"
    }

    /// The home and example page of `language`; a translation records the
    /// original it matches (`translationOf`), so `sitegen translations`
    /// starts with every page current.
    static func pages(language: String, original: (language: String, texts: StarterPages.Texts)?) -> [ScaffoldFile] {
        let texts = StarterPages.texts(for: language)
        let pairs = [("index.md", texts.homeTitle, texts.homeBody, original?.texts.homeBody),
                     (StarterPages.exampleFile, texts.exampleTitle, texts.exampleBody, original?.texts.exampleBody)]
        return pairs.map { file, title, body, originalBody in
            var fields = [("title", YAMLQuoting.quoted(title))]
            if let original, let originalBody {
                let text = originalBody.replacing("{{language}}", with: original.language)
                fields.append(("translationOf", TranslationHash.of(text)))
            }
            let text = body.replacing("{{language}}", with: language)
            return ScaffoldFile(path: SiteLayout.content(language: language, file), text: YAMLQuoting.frontMatter(fields) + "\n" + text)
        }
    }
}
