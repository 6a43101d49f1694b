/// One language of the site, as `sitegen.yml` declares it.
public struct Language: Sendable, Hashable {
    public enum Direction: String, Sendable, Hashable {
        case leftToRight = "ltr"
        case rightToLeft = "rtl"
    }

    /// BCP 47 code, also the language's folder under `content/` and in the output.
    public var code: String
    /// The language's name in that language ("Nederlands").
    public var name: String
    public var direction: Direction
    /// The site title in this language.
    public var siteTitle: String
    public var missingPages: MissingPagePolicy

    public init(code: String, name: String, direction: Direction = .leftToRight, siteTitle: String, missingPages: MissingPagePolicy = .fallback) {
        self.code = code
        self.name = name
        self.direction = direction
        self.siteTitle = siteTitle
        self.missingPages = missingPages
    }
}

/// What the build does with a page of the default language that has no
/// translation in another language.
public enum MissingPagePolicy: String, Sendable, Hashable, CaseIterable {
    /// Build it from the default language, with a visible notice and the
    /// default language's `lang` on its text.
    case fallback
    /// Leave it out; links to it go to the language's home page.
    case omit
}
