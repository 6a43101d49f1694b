import SitegenMustache

/// The values a table declares, made from one input each when a template
/// first reads it, then kept.
///
/// Building a page's values as dictionaries, every declared value made
/// whether a template read it or not (the page's headings as objects, its
/// table of contents, its parameters, a closure per lazy value), was 9 % of
/// the link-heavy build's instructions (issue 30). A lazy declaration's
/// value is there even when a template only asks whether it exists;
/// another's value is made to answer that (nil: the name is not here).
final class DeclaredValues<Input>: TemplateLookup {
    private let table: TemplateValueTable<Input>
    private let input: Input
    /// Per declaration: nil until made, then the value made (nil: none).
    private var made: [TemplateData??]
    /// The lazy values a template asked for (tests check what is computed).
    private(set) var computed: Set<String> = []

    init(_ table: TemplateValueTable<Input>, of input: Input) {
        self.table = table
        self.input = input
        made = Array(repeating: nil, count: table.declarations.count)
    }

    func value(forKey key: String) -> TemplateData? {
        guard let position = table.index[key] else { return nil }
        if let value = made[position] { return value }
        let declaration = table.declarations[position]
        guard let make = declaration.make else { return nil }
        let value: TemplateData?
        if declaration.isLazy {
            value = make(input) ?? .bool(false)
            computed.insert(key)
        } else {
            value = make(input)
        }
        made[position] = .some(value)
        return value
    }

    func contains(_ key: String) -> Bool {
        guard let position = table.index[key] else { return false }
        let declaration = table.declarations[position]
        guard declaration.make != nil else { return false }
        return declaration.isLazy || value(forKey: key) != nil
    }

    /// A value is made exactly when the name is here (a lazy one's is
    /// never nil), so looking for it is reading it: one look-up, not two
    /// (contains and then the value: 2 % of a link-heavy build).
    func probe(_ key: String) -> TemplateData? { value(forKey: key) }

    /// Every name it holds, the lazy ones unmade.
    var names: Set<String> { Set(table.declarations.map(\.name).filter(contains)) }
}
