import SitegenMustache

/// What the name check and the docs need of a declared template value,
/// whatever it is made from: `TemplateContextKind.values` lists a context's
/// declarations of every input as these.
protocol DeclaredTemplateValue: Sendable {
    var name: String { get }
    var shape: TemplateShape { get }
    var doc: String { get }
    var isLazy: Bool { get }
}

/// One value a template can name, declared once: its name, its shape (what
/// the name check accepts below it), a line saying what it is, whether it
/// is made only when a template reads it, and how it is made from `Input`
/// (`PageValueInput` for a page's values, `CommonValueInput` for `common`,
/// `DecisionValueInput` for `decision`, `RootPageValueInput` for the
/// language chooser and the 404 page, `Language` for a language's fields).
/// `TemplateContextKind` lists them per context; the name check, the values
/// each context holds and docs/themes.md's tables (`TemplateSchemaDocsTests`)
/// all follow these lists.
struct TemplateValueDeclaration<Input>: DeclaredTemplateValue {
    let name: String
    let shape: TemplateShape
    let doc: String
    /// Made when a template first reads it (`LazyValues`): it costs, or it
    /// grows with the site.
    let isLazy: Bool
    /// How the value is made (its result nil: none here). Nil only for
    /// `decision`, which the renderer makes with the page's Markdown renderer.
    let make: (@Sendable (Input) -> TemplateData?)?

    init(_ name: String, _ shape: TemplateShape, lazy: Bool = false, _ doc: String,
         make: (@Sendable (Input) -> TemplateData?)? = nil) {
        self.name = name
        self.shape = shape
        self.doc = doc
        isLazy = lazy
        self.make = make
    }

    /// The values of `declarations` made from `input`: the eager ones made
    /// now, the lazy ones when a template reads them.
    static func values(_ declarations: [TemplateValueDeclaration], of input: Input)
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

    /// The values of `declarations`, none of them lazy, as one object's fields.
    static func fields(_ declarations: [TemplateValueDeclaration], of input: Input) -> [String: TemplateData] {
        values(declarations, of: input).eager
    }
}

extension TemplateShape {
    /// The shape of an object with these values.
    static func object(declaring declarations: [any DeclaredTemplateValue]) -> TemplateShape {
        .object(Dictionary(declarations.map { ($0.name, $0.shape) }) { first, _ in first })
    }
}
