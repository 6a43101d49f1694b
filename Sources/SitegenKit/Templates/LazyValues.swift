import SitegenMustache
/// Template values computed when a template first reads them, then kept.
///
/// A page's context names everything a template might show; some of it is
/// costly (the navigation holds an entry for every top-level page of the
/// language, with a link from this page). Computed eagerly for every page,
/// that made a flat folder of 4,000 pages a quadratic build even with
/// templates that show no navigation (17 s against Hugo's 3.2 s). Now a
/// template that never names `navigation` never pays for it.
final class LazyValues: TemplateLookup {
    private var values: [String: TemplateData]
    private var makers: [String: () -> TemplateData]
    /// The lazy values a template asked for (tests check what is computed).
    private(set) var computed: Set<String> = []

    init(_ values: [String: TemplateData], lazy makers: [String: () -> TemplateData] = [:]) {
        self.values = values
        self.makers = makers
    }

    subscript(key: String) -> TemplateData? {
        get { value(forKey: key) }
        set { values[key] = newValue }
    }

    func value(forKey key: String) -> TemplateData? {
        if let value = values[key] { return value }
        guard let make = makers.removeValue(forKey: key) else { return nil }
        let value = make()
        values[key] = value
        computed.insert(key)
        return value
    }

    /// Every name it holds, made or not.
    var names: Set<String> { Set(values.keys).union(makers.keys) }

    func contains(_ key: String) -> Bool {
        values[key] != nil || makers[key] != nil
    }
}
