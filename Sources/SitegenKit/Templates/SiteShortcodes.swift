import SitegenSupport
import SitegenMustache
import SitegenMarkdown

/// What a site gives the Markdown reader for shortcodes: the partials under
/// `templates/shortcodes/` (the site's over the built-in theme's, file by
/// file), `params:` of sitegen.yml, and its included files.
///
/// A partial sees its named arguments by name (`{{title}}`), the positional
/// ones as `arg1`, `arg2`... (and the list `args`), its inner HTML as
/// `{{{inner}}}` and the inner text as written as `{{innerText}}`, and, for
/// callout-like shortcodes, `callout.kind` (note, tip, important, warning
/// or caution, from `color` or `type`), `callout.label`, the page
/// language's title for that kind, and `callout.icon`, the kind's icon
/// (inline SVG, for `{{{callout.icon}}}`), so a shortcode callout looks like
/// a Markdown one.
package enum SiteShortcodes {
    static let folder = "shortcodes/"

    /// The built-in theme's shortcodes, for a file read without its site
    /// (`sitegen markdown`): no params, no included files.
    package static var builtIn: ShortcodeSettings {
        let files = BuiltInTheme.files.filter { $0.path.hasPrefix(folder) && $0.path.hasSuffix(".mustache") }.compactMap { file in
            (try? SourceText(decoding: file.bytes, path: file.path)).map {
                SiteSource.TemplateFile(name: String(file.path.dropLast(".mustache".count)), source: $0, isBuiltIn: true)
            }
        }
        return settings(templates: TemplateSet.load(files).0, params: [:], includes: nil)
    }

    static func settings(templates: TemplateSet, params: [String: String], includes: (any IncludeSource)?) -> ShortcodeSettings {
        let names = templates.names.filter { $0.hasPrefix(folder) }
        let partials = Set(names.map { String($0.dropFirst(folder.count)) })
        let withInner = Set(partials.filter { showsInner(folder + $0, templates: templates) })
        return ShortcodeSettings(
            partials: partials, partialsWithInner: withInner, params: params,
            include: { path, from in
                includes?.text(path, from: from) ?? .refused("included files are not read here")
            },
            render: { call, inner, labels in
                render(call, inner: inner, labels: labels, templates: templates)
            })
    }

    /// Whether a template, or a partial it includes, names `inner` or `innerText`.
    static func showsInner(_ name: String, templates: TemplateSet) -> Bool {
        var pending = [name]
        var seen: Set<String> = []
        while let next = pending.popLast() {
            guard seen.insert(next).inserted, let nodes = templates.library.templates[next] else { continue }
            if MustacheNode.names(in: nodes).contains(where: { $0.parts.first == "inner" || $0.parts.first == "innerText" }) { return true }
            pending += TemplateNameCheck.inclusions(nodes)
        }
        return false
    }

    static func render(_ call: ShortcodeCall, inner: String, labels: CalloutLabels, templates: TemplateSet) -> Result<String, ShortcodeFailure> {
        var values: [String: TemplateData] = [:]
        for (key, value) in call.named { values[key] = .text(value) }
        for (index, value) in call.positional.enumerated() { values["arg\(index + 1)"] = .text(value) }
        values["args"] = .list(call.positional.map { .text($0) })
        values["name"] = .text(call.name)
        values["id"] = .text("shortcode-\(call.number)")
        values["inner"] = .text(inner)
        values["innerText"] = .text(call.innerText ?? "")
        let kind = calloutKind(call)
        values["callout"] = ["kind": .text(kind.rawValue), "label": .text(labels[kind]), "icon": .text(CalloutHTML.icon(kind))]
        do {
            return .success(try templates.render(.object(values), template: folder + call.name))
        } catch {
            return .failure(ShortcodeFailure(
                "shortcode '\(call.name)': partials nest more than \(MustacheRenderer.depthLimit) deep; does templates/\(folder)\(call.name).mustache include itself?"))
        }
    }

    /// The callout kind a shortcode's `color`, `type` or `style` (Docsy's,
    /// Bootstrap's and Relearn's names too) or first argument asks for; a
    /// note otherwise.
    static func calloutKind(_ call: ShortcodeCall) -> CalloutKind {
        let asked = (call.named["color"] ?? call.named["type"] ?? call.named["style"] ?? call.positional.first ?? "").lowercased()
        switch asked {
        case "tip", "success", "hint": return .tip
        case "important": return .important
        case "warning", "attention": return .warning
        case "caution", "danger", "error": return .caution
        default: return .note
        }
    }

    /// `params:` of sitegen.yml, flattened: `{ a: { b: 1 } }` is `a.b`.
    static func flatten(_ values: [String: TemplateValue], prefix: String = "") -> [String: String] {
        var flat: [String: String] = [:]
        for (key, value) in values {
            switch value {
            case .map(let inner): flat.merge(flatten(inner, prefix: prefix + key + "."), uniquingKeysWith: { first, _ in first })
            case .string(let text): flat[prefix + key] = text
            case .int(let number): flat[prefix + key] = String(number)
            case .double(let number): flat[prefix + key] = String(number)
            case .bool(let flag): flat[prefix + key] = String(flag)
            case .list(let items): flat[prefix + key] = items.compactMap { if case .string(let text) = $0 { text } else { nil } }.joined(separator: ", ")
            }
        }
        return flat
    }
}
