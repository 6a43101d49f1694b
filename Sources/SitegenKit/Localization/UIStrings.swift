import SitegenSupport
import SitegenMarkdown
/// The interface texts of one language ("Skip to content", "On this page",
/// callout titles...), from `content/<lang>/_strings.yml`: a flat mapping of
/// key to text, kept beside the language's pages so translators find it.
package struct UIStrings: Sendable, Hashable {
    package var language: String
    /// Where the strings were read from, for diagnostics.
    package var file: String
    package var values: [String: String]
    /// The keys the site's own `content/<lang>/_strings.yml` sets (not the
    /// theme's defaults under them): what `sitegen translations` compares,
    /// so a site's own text in one language that another lacks shows, and
    /// the theme's defaults are no noise for a site with its own templates.
    package var siteKeys: Set<String> = []
    /// Whether its file had errors (reported): then a key it lacks is not
    /// reported again, since it may be the error's doing.
    package var isBroken = false
    /// Keys the language lacks, taken from the theme's English strings.
    package var inEnglish: Set<String> = []

    package init(language: String, file: String, values: [String: String]) {
        self.language = language
        self.file = file
        self.values = values
    }

    package subscript(key: String) -> String? { values[key] }

    /// The language of the theme's strings that stand in for those a
    /// language lacks.
    static let fallbackLanguage = "en"

    /// Callout titles, from the keys `callout.note`, `callout.danger`...
    /// A type's English stand-in gives way to its kind's word in this
    /// language (`danger` is titled with `callout.caution` in a language
    /// that has that but not `callout.danger`).
    package var calloutLabels: CalloutLabels {
        var labels = CalloutLabels([String: String]())
        for (key, value) in values where key.hasPrefix("callout.") {
            let type = String(key.dropFirst("callout.".count))
            let kindKey = "callout." + CalloutKind(type: type).rawValue
            if inEnglish.contains(key), kindKey != key, values[kindKey] != nil, !inEnglish.contains(kindKey) { continue }
            labels.labels[type] = value
            if inEnglish.contains(key) { labels.inEnglish.insert(type) }
        }
        return labels
    }

    /// The words of footnotes (`footnotes`, `footnoteBack`), English where missing.
    package var footnoteLabels: FootnoteLabels {
        var labels = FootnoteLabels(title: values["footnotes"] ?? FootnoteLabels.english.title,
                                    backLink: values["footnoteBack"] ?? FootnoteLabels.english.backLink)
        labels.titleInEnglish = language != Self.fallbackLanguage && (values["footnotes"] == nil || inEnglish.contains("footnotes"))
        return labels
    }

    package static func parse(_ source: SourceText, language: String) -> (UIStrings, [Diagnostic]) {
        var strings = UIStrings(language: language, file: source.path, values: [:])
        let yaml: YAMLText
        do {
            yaml = try YAMLText(source.text, file: source.path)
        } catch {
            strings.isBroken = true
            return (strings, error.diagnostics)
        }
        guard let mapping = yaml.root?.mapping else {
            if yaml.root == nil { return (strings, []) }
            strings.isBroken = true
            return (strings, [.error("UI strings must be a mapping of key to text, like 'skipToContent: Skip to content'",
                                     at: yaml.location(of: yaml.root))])
        }
        let reader = YAMLReader(yaml)
        for (key, value) in mapping {
            guard let name = key.string, YAMLText.isString(value), let text = value.string else {
                reader.error("each UI string must be text; put it in quotes", at: value)
                strings.isBroken = true
                continue
            }
            strings.values[name] = text
        }
        return (strings, reader.diagnostics)
    }
}
