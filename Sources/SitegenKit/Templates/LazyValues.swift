import SitegenMustache
/// A page's template values, each computed when a template first reads it,
/// then kept.
///
/// A page's context names everything a template might show; some of it is
/// costly (the navigation holds an entry for every top-level page of the
/// language, with a link from this page). Computed eagerly for every page,
/// that made a flat folder of 4,000 pages a quadratic build even with
/// templates that show no navigation (17 s against Hugo's 3.2 s). Now a
/// template that never names `navigation` never pays for it; nor, since
/// issue 30, for any other value it does not name.
final class LazyValues: TemplateLookup {
    /// Values set from outside (`decision`, made with the page's renderer).
    private var values: [String: TemplateData] = [:]
    private let page: DeclaredValues<PageValueInput>
    private let common: DeclaredValues<CommonValueInput>

    init(page: DeclaredValues<PageValueInput>, common: DeclaredValues<CommonValueInput>) {
        self.page = page
        self.common = common
    }

    /// The lazy values a template asked for (tests check what is computed).
    var computed: Set<String> { page.computed.union(common.computed) }

    subscript(key: String) -> TemplateData? {
        get { value(forKey: key) }
        set { values[key] = newValue }
    }

    func value(forKey key: String) -> TemplateData? {
        if !values.isEmpty, let value = values[key] { return value }
        return page.value(forKey: key) ?? common.value(forKey: key)
    }

    /// Every name it holds, made or not.
    var names: Set<String> { Set(values.keys).union(page.names).union(common.names) }

    /// As `DeclaredValues.probe`: a value here is made exactly when the name is here.
    func probe(_ key: String) -> TemplateData? { value(forKey: key) }

    func contains(_ key: String) -> Bool {
        (!values.isEmpty && values[key] != nil) || page.contains(key) || common.contains(key)
    }
}
