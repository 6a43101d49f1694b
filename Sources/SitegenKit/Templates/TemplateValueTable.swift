/// A list of declarations with their names indexed, made once per list
/// (`TemplateContextKind`'s tables), so a page's values are looked up by
/// name without a dictionary of them built for every page.
struct TemplateValueTable<Input>: Sendable {
    let declarations: [TemplateValueDeclaration<Input>]
    let index: [String: Int]

    init(_ declarations: [TemplateValueDeclaration<Input>]) {
        self.declarations = declarations
        index = Dictionary(declarations.enumerated().map { ($1.name, $0) }) { first, _ in first }
    }
}
