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
    /// How a page's value is made (its result nil: none on this page). Nil
    /// for the values of `common`, `decision`, the language chooser and the
    /// 404 page, which `TemplateContext.common`, `DecisionContext` and
    /// `SiteRenderer.renderSpecialPages` make (`TemplateValuesTests` checks
    /// a page's and `decision`'s names against these declarations).
    let make: (@Sendable (PageValueInput) -> TemplateData?)?

    init(_ name: String, _ shape: TemplateShape, lazy: Bool = false, _ doc: String,
         make: (@Sendable (PageValueInput) -> TemplateData?)? = nil) {
        self.name = name
        self.shape = shape
        self.doc = doc
        isLazy = lazy
        self.make = make
    }

    /// The values of `declarations` a page has: the eager ones made now,
    /// the lazy ones when a template reads them.
    static func values(_ declarations: [TemplateValueDeclaration], of input: PageValueInput)
        -> (eager: [String: TemplateData], lazy: [String: () -> TemplateData]) {
        var eager: [String: TemplateData] = [:]
        var lazy: [String: () -> TemplateData] = [:]
        for declaration in declarations {
            guard let make = declaration.make else { continue }
            if declaration.isLazy {
                lazy[declaration.name] = { make(input) ?? .bool(false) }
            } else if let value = make(input) {
                eager[declaration.name] = value
            }
        }
        return (eager, lazy)
    }

    /// The shape of an object with these values.
    static func object(_ declarations: [TemplateValueDeclaration]) -> TemplateShape {
        .object(Dictionary(declarations.map { ($0.name, $0.shape) }) { first, _ in first })
    }
}
