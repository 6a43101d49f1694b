/// The languages a fenced code block can name, by the names authors write.
package enum CodeLanguage: Sendable, Hashable {
    /// A definition of Source-highlight's own folder (`sh.lang`).
    case system(String)
    /// A definition sitegen ships (`BundledLanguageDefinitions`).
    case bundled(String)
    /// A terminal session: prompt lines are shell commands, the rest output.
    case console
    /// Plain text on purpose (`text`): no colours and no warning.
    case plain

    /// The language for a fence's name, case-insensitive; nil for a name
    /// sitegen does not know.
    package init?(name: String) {
        guard let language = CodeLanguage.byName[name.lowercased()] else { return nil }
        self = language
    }

    /// The 25 languages documentation uses most, and their common aliases.
    private static let byName: [String: CodeLanguage] = {
        var table: [String: CodeLanguage] = [:]
        func add(_ language: CodeLanguage, _ names: String...) { for name in names { table[name] = language } }
        add(.system("sh.lang"), "sh", "bash", "shell", "zsh", "ksh")
        add(.console, "console", "shell-session", "terminal")
        add(.system("json.lang"), "json", "jsonc", "json5")
        add(.bundled("yaml"), "yaml", "yml")
        add(.bundled("toml"), "toml")
        add(.system("xml.lang"), "xml", "svg", "xsl", "xslt", "plist")
        add(.system("html.lang"), "html", "htm", "xhtml")
        add(.system("css.lang"), "css")
        add(.system("javascript.lang"), "javascript", "js", "mjs", "cjs", "jsx")
        add(.bundled("typescript"), "typescript", "ts", "tsx", "mts")
        add(.system("python.lang"), "python", "py", "python3")
        add(.system("go.lang"), "go", "golang")
        add(.system("rust.lang"), "rust", "rs")
        add(.system("java.lang"), "java")
        add(.bundled("kotlin"), "kotlin", "kt", "kts")
        add(.system("c.lang"), "c", "h")
        add(.system("cpp.lang"), "cpp", "c++", "cxx", "cc", "hpp")
        add(.system("csharp.lang"), "csharp", "cs", "c#")
        add(.bundled("swift"), "swift")
        add(.system("sql.lang"), "sql")
        add(.bundled("powershell"), "powershell", "ps1", "pwsh", "ps")
        add(.bundled("dockerfile"), "dockerfile", "docker", "containerfile")
        add(.system("makefile.lang"), "makefile", "make", "mk")
        add(.system("diff.lang"), "diff", "patch", "udiff")
        add(.system("desktop.lang"), "ini", "cfg", "conf", "properties", "editorconfig", "gitconfig")
        add(.bundled("markdown"), "markdown", "md")
        add(.plain, "text", "txt", "plain", "plaintext", "none", "output")
        return table
    }()
}
