/// How a language's UI strings (`content/<lang>/_strings.yml`, without the
/// theme's defaults) differ from the default language's: keys it lacks, and
/// keys only it has.
package struct UIStringDifference: Sendable, Hashable, Encodable {
    package var language: String
    /// Keys of the default language this language lacks, sorted.
    package var missing: [String]
    /// Keys the default language does not have, sorted.
    package var extra: [String]

    package init(language: String, missing: [String], extra: [String]) {
        self.language = language
        self.missing = missing
        self.extra = extra
    }

    /// The keys of `strings`' `_strings.yml` compared with the default
    /// language's (the theme's defaults under them are not compared).
    init(_ strings: UIStrings, defaultStrings: UIStrings) {
        let keys = strings.siteKeys
        let defaultKeys = defaultStrings.siteKeys
        self.init(language: strings.language,
                  missing: defaultKeys.subtracting(keys).sorted(),
                  extra: keys.subtracting(defaultKeys).sorted())
    }
}
