import SitegenMustache

/// One value a template can name, declared once: its name, its shape (what
/// the name check accepts below it), a line saying what it is, and whether
/// it is made only when a template reads it. `TemplateContextKind` lists
/// them per context; the name check, the values a page's context holds
/// (`TemplateContext.page`) and docs/themes.md's tables
/// (`TemplateSchemaDocsTests`) all follow these lists.
struct TemplateValueDeclaration: Sendable {
    let name: String
    let shape: TemplateShape
    let doc: String
    /// Made when a template first reads it (`LazyValues`): it costs, or it
    /// grows with the site.
    let isLazy: Bool

    init(_ name: String, _ shape: TemplateShape, lazy: Bool = false, _ doc: String) {
        self.name = name
        self.shape = shape
        self.doc = doc
        isLazy = lazy
    }

    /// The shape of an object with these values.
    static func object(_ declarations: [TemplateValueDeclaration]) -> TemplateShape {
        .object(Dictionary(declarations.map { ($0.name, $0.shape) }) { first, _ in first })
    }
}
