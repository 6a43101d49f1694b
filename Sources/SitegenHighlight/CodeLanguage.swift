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

    /// Every name a fence may write, for the tests.
    static var names: Dictionary<String, CodeLanguage>.Keys { byName.keys }

    /// The languages documentation uses most, every language GNU
    /// Source-highlight 3.1.9 has a definition for, and their common aliases
    /// (Linguist's, Chroma's and Pygments' names). `pl` is Perl, as on GitHub
    /// (Source-highlight's own map says Prolog); `ps` is PowerShell.
    private static let byName: [String: CodeLanguage] = {
        var table: [String: CodeLanguage] = [:]
        func add(_ language: CodeLanguage, _ names: String...) { for name in names { table[name] = language } }
        // The 25 of the code fixture (Tests/Fixtures/sites/code).
        add(.system("sh.lang"), "sh", "bash", "shell", "ksh", "csh", "tcsh", "shellscript")
        add(.console, "console", "shell-session", "shellsession", "sh-session", "terminal")
        add(.system("json.lang"), "json", "jsonc", "json5", "jsonl", "geojson", "jsonld", "json-ld")
        add(.bundled("yaml"), "yaml", "yml")
        add(.bundled("toml"), "toml")
        add(.system("xml.lang"), "xml", "svg", "xsl", "xslt", "plist", "rss", "atom", "wsdl", "xsd", "docbook")
        add(.system("html.lang"), "html", "htm", "xhtml")
        add(.system("css.lang"), "css", "scss", "less")
        add(.system("javascript.lang"), "javascript", "js", "mjs", "cjs", "jsx", "node")
        add(.bundled("typescript"), "typescript", "ts", "tsx", "mts", "cts")
        add(.system("python.lang"), "python", "py", "python3", "py3", "pyi", "gyp", "bazel", "starlark", "bzl")
        add(.system("go.lang"), "go", "golang")
        add(.system("rust.lang"), "rust", "rs")
        add(.system("java.lang"), "java")
        add(.bundled("kotlin"), "kotlin", "kt", "kts")
        add(.system("c.lang"), "c", "h")
        add(.system("cpp.lang"), "cpp", "c++", "cxx", "cc", "hpp", "hxx", "hh", "cuda", "cu", "arduino", "ino")
        add(.system("csharp.lang"), "csharp", "cs", "c#")
        add(.bundled("swift"), "swift")
        add(.system("sql.lang"), "sql", "mysql", "postgresql", "postgres", "psql", "plsql", "sqlite", "tsql")
        add(.bundled("powershell"), "powershell", "ps1", "pwsh", "ps", "psm1", "psd1")
        add(.bundled("dockerfile"), "dockerfile", "docker", "containerfile")
        add(.system("makefile.lang"), "makefile", "make", "mk", "mak", "gnumakefile", "bsdmake")
        add(.system("diff.lang"), "diff", "patch", "udiff")
        add(.system("desktop.lang"), "ini", "cfg", "conf", "editorconfig", "gitconfig", "desktop", "systemd", "dosini")
        add(.bundled("markdown"), "markdown", "md", "mdx")
        add(.plain, "text", "txt", "plain", "plaintext", "none", "output", "nohighlight", "no-highlight")
        // The rest of the engine's definitions.
        add(.system("ada.lang"), "ada", "adb", "ads", "ada95", "ada2005")
        add(.system("applescript.lang"), "applescript", "scpt", "osascript")
        add(.system("asm.lang"), "asm", "nasm", "x86asm", "assembly")
        add(.system("awk.lang"), "awk", "gawk", "mawk", "nawk")
        add(.system("bat.lang"), "bat", "batch", "cmd", "dosbatch", "winbatch")
        add(.system("bib.lang"), "bib", "bibtex")
        add(.system("bison.lang"), "bison", "yacc")
        add(.system("caml.lang"), "ocaml", "ml", "mli", "caml")
        add(.system("changelog.lang"), "changelog")
        add(.system("clipper.lang"), "clipper", "prg", "xbase")
        add(.system("cobol.lang"), "cobol", "cbl", "cob")
        add(.system("coffeescript.lang"), "coffeescript", "coffee", "coffee-script")
        add(.system("d.lang"), "d", "dlang", "dmd")
        add(.system("erlang.lang"), "erlang", "erl", "hrl")
        add(.system("feature.lang"), "gherkin", "cucumber", "feature")
        add(.system("fixed-fortran.lang"), "fixed-fortran", "fortranfixed")
        add(.system("flex.lang"), "flex", "lex")
        add(.system("fortran.lang"), "fortran", "f", "f77", "f90", "f95", "f03", "f08", "free-fortran")
        add(.system("glsl.lang"), "glsl", "frag", "vert")
        add(.system("groovy.lang"), "groovy", "gradle", "gvy", "jenkinsfile")
        add(.system("haskell.lang"), "haskell", "hs")
        add(.system("haskell_literate.lang"), "lhs", "literate-haskell", "lhaskell")
        add(.system("haxe.lang"), "haxe", "hx", "hxsl")
        add(.system("ipxe.lang"), "ipxe")
        add(.system("islisp.lang"), "islisp")
        add(.system("javalog.lang"), "javalog")
        add(.system("latex.lang"), "latex", "tex", "sty", "cls")
        add(.system("ldap.lang"), "ldif", "ldap")
        add(.system("lilypond.lang"), "lilypond", "ly")
        add(.system("lisp.lang"), "lisp", "elisp", "emacs-lisp", "common-lisp", "cl", "el")
        add(.system("log.lang"), "log", "syslog")
        add(.system("logtalk.lang"), "logtalk", "lgt")
        add(.system("lsm.lang"), "lsm")
        add(.system("lua.lang"), "lua", "luau")
        add(.system("m4.lang"), "m4", "autoconf", "ac")
        add(.system("manifest.lang"), "manifest", "mf")
        add(.system("opa.lang"), "opa")
        add(.system("oz.lang"), "oz", "mozart")
        add(.system("pascal.lang"), "pascal", "pas", "delphi", "objectpascal", "freepascal", "lazarus")
        add(.system("pc.lang"), "pkgconfig", "pc", "pkg-config")
        add(.system("perl.lang"), "perl", "pl", "pm", "perl5", "cperl")
        add(.system("php.lang"), "php", "php3", "php4", "php5", "php7", "php8", "phtml", "ctp")
        add(.system("po.lang"), "po", "pot", "gettext")
        add(.system("postscript.lang"), "postscript", "eps")
        add(.system("prolog.lang"), "prolog")
        add(.system("properties.lang"), "properties", "java-properties", "jproperties")
        add(.system("proto.lang"), "proto", "protobuf", "proto3", "proto2")
        add(.system("r.lang"), "r", "rscript", "splus")
        add(.system("ruby.lang"), "ruby", "rb", "jruby", "rake", "rakefile", "gemspec", "podspec", "gemfile")
        add(.system("scala.lang"), "scala", "sbt")
        add(.system("scheme.lang"), "scheme", "scm", "racket", "rkt", "guile")
        add(.system("slang.lang"), "slang", "sl")
        add(.system("sml.lang"), "sml", "standardml")
        add(.system("spec.lang"), "spec", "rpmspec")
        add(.system("tcl.lang"), "tcl", "tk", "expect")
        add(.system("texinfo.lang"), "texinfo", "texi")
        add(.system("tml.lang"), "tml", "twiki", "foswiki")
        add(.system("upc.lang"), "upc")
        add(.system("vala.lang"), "vala", "vapi", "genie")
        add(.system("vbscript.lang"), "vbscript", "vbs", "vb", "vba")
        add(.system("vim.lang"), "vim", "vimscript", "viml", "vimrc")
        add(.system("xorg.lang"), "xorg", "xorg.conf")
        add(.system("zsh.lang"), "zsh")
        add(.system("conf.lang"), "nginx", "nginxconf", "apache", "apacheconf", "htaccess", "haproxy", "squid")
        // sitegen's own, for languages documentation uses that the engine lacks.
        add(.bundled("elixir"), "elixir", "ex", "exs", "iex")
        add(.bundled("hcl"), "hcl", "tf", "terraform", "tfvars", "hcl2", "nomad", "packer")
        return table
    }()
}
