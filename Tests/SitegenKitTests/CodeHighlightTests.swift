import Foundation
import Testing
@testable import SitegenHighlight
@testable import SitegenKit
@testable import SitegenMarkdown
@testable import SitegenSupport
import SitegenTestSupport

/// Syntax highlighting of fenced code blocks (`CodeBlockTransform`, issue 17).
@Suite struct CodeHighlightTests {
    static let highlighting = MarkdownOptions(highlight: true)

    func highlighted(_ markdown: String) -> RenderedMarkdown {
        render(markdown, options: CodeHighlightTests.highlighting)
    }

    /// The code fixture's page (a block in each of the 25 languages, the
    /// fence options, a list and a callout) against its reviewed output.
    /// SITEGEN_UPDATE_GOLDEN=1 rewrites the golden file (review it by eye).
    @Test func everyLanguageMatchesTheReviewedOutput() throws {
        let page = try String(contentsOfFile: SiteFixtures.path("code/content/en/index.md"), encoding: .utf8)
        // The Markdown after the front matter.
        let body = try #require(page.components(separatedBy: "\n---\n").dropFirst().first)
        let output = render(body, options: CodeHighlightTests.highlighting).html
        let golden = Fixtures.path("highlight/every-language.html")
        if ProcessInfo.processInfo.environment["SITEGEN_UPDATE_GOLDEN"] == "1" {
            try output.write(toFile: golden, atomically: true, encoding: .utf8)
        }
        #expect(output == (try String(contentsOfFile: golden, encoding: .utf8)))
    }

    static let languages = ["console", "bash", "json", "yaml", "toml", "xml", "html", "css", "javascript", "typescript",
                            "python", "go", "rust", "java", "kotlin", "c", "cpp", "csharp", "swift", "sql",
                            "powershell", "dockerfile", "makefile", "diff", "ini", "markdown"]

    /// Each language's definition builds and colours the fixture's block.
    @Test(arguments: languages)
    func everyLanguageIsHighlighted(language: String) throws {
        let page = try String(contentsOfFile: SiteFixtures.path("code/content/en/index.md"), encoding: .utf8)
        let block = try #require(page.components(separatedBy: "```\(language)\n").dropFirst().first?.components(separatedBy: "\n```").first)
        let output = highlighted("```\(language)\n\(block)\n```\n")
        #expect(output.diagnostics.isEmpty)
        #expect(output.html.hasPrefix("<pre class=\"highlight\" tabindex=\"0\"><code class=\"language-\(language)"))
        #expect(output.html.contains("<span class=\""), "no token coloured in \(language)")
    }

    /// The engine's own definitions come from the binary, their includes
    /// inlined, so no data folder is read when a language loads.
    @Test func definitionsAreEmbeddedWithTheirIncludesInlined() throws {
        #expect(SourceHighlightFiles.byName.count > 100)
        let shell = try #require(SourceHighlightFiles.definition("sh.lang"))
        #expect(try #require(SourceHighlightFiles.byName["sh.lang"]).contains("include \""))
        #expect(!shell.split(separator: "\n").contains { SourceHighlightFiles.includedName($0) != nil })
        #expect(SourceHighlightFiles.includedName("  include  \"number.lang\"") == "number.lang")
        #expect(SourceHighlightFiles.includedName("vardef include = \"x\"") == nil)
        #expect(SourceHighlightFiles.definition("no-such.lang") == nil)
    }

    @Test func tokensAreEscapedAndClassed() {
        let output = highlighted("```python\nif a < b and s == \"<&>\":  # x\n    pass\n```").html
        #expect(output == """
            <pre class="highlight" tabindex="0"><code class="language-python"><span class="k">if</span> a &lt; b <span class="k">and</span> s == <span class="s">&quot;&lt;&amp;&gt;&quot;</span>:  <span class="c"># x</span>
                <span class="k">pass</span>
            </code></pre>

            """)
    }

    @Test func titleLineNumbersAndMarkedLines() throws {
        let output = highlighted("```yaml title=\"sitegen.yml\" linenos hl_lines=\"2 3-3\"\na: 1\nb: 2\nc: 3\n```").html
        #expect(output.hasPrefix("<figure class=\"code-block\">\n<figcaption>sitegen.yml</figcaption>\n<pre class=\"highlight\" tabindex=\"0\"><code class=\"language-yaml linenos\">"))
        let lines = output.components(separatedBy: "\n").filter { $0.contains("class=\"line\"") }
        try #require(lines.count == 3)
        #expect(lines[0].contains("<span class=\"line\">") && lines[1].contains("<mark class=\"line\">") && lines[2].contains("<mark class=\"line\">"))
        #expect(output.hasSuffix("</code></pre>\n</figure>\n"))
    }

    @Test func titleIsEscaped() {
        #expect(highlighted("```text title=\"<a&b>\"\nx\n```").html.contains("<figcaption>&lt;a&amp;b&gt;</figcaption>"))
    }

    @Test func consolePromptsAndOutputAreApart() {
        let output = highlighted("```console\n$ echo \"hi\"\nhi\n# whoami\n```").html
        #expect(output == """
            <pre class="highlight" tabindex="0"><code class="language-console console"><span class="gp">$ </span><span class="cmd">echo <span class="s">&quot;hi&quot;</span></span>
            <span class="go">hi</span>
            <span class="gp"># </span><span class="cmd">whoami</span>
            </code></pre>

            """)
    }

    @Test func badOptionsAreWarnedAtTheirColumn() {
        let output = highlighted("Text\n\n```yaml linenos hl_lines=\"x\" colour=red\na: 1\n```\n")
        let messages = output.diagnostics.map(\.description)
        #expect(messages == [
            "test.md:3:17: warning: hl_lines=\"x\" is not a list of line numbers; write it like hl_lines=\"2 4-6\" (or hl_lines=[2, \"4-6\"])",
            "test.md:3:30: warning: unknown code block option 'colour'; known: hl_lines, linenos, title",
        ])
        // The block is still highlighted, with the options that were right.
        #expect(output.html.contains("<code class=\"language-yaml linenos\">"))
    }

    /// A real MkDocs site (FastAPI's docs) writes Material's `.annotate` on
    /// 39 fences: one summary line, not 39.
    @Test func manyBadOptionsAreOneSummaryLine() {
        let output = highlighted(String(repeating: "```yaml { .annotate }\na: 1\n```\n\n", count: 11))
        #expect(output.diagnostics.count == 11)
        let lines = DiagnosticSummary.lines(output.diagnostics, verbose: false)
        #expect(lines == [
            "test.md:1:11: warning: 11 \(CodeBlockTransform.optionProblemKind) (first: test.md:1:11, test.md:5:11, test.md:9:11, ...); --verbose lists them all",
        ])
    }

    @Test func optionsInsideAListAreWarnedAtTheirColumn() {
        let output = highlighted("- item\n\n  ```go hl_lines=\"0\"\n  x\n  ```\n")
        #expect(output.diagnostics.map(\.place) == ["test.md:3:9"])
    }

    @Test func unknownLanguageIsPlainWithAWarning() {
        let output = highlighted("```brainfuck\n+<[x]\n```\n")
        #expect(output.html == "<pre class=\"highlight\" tabindex=\"0\"><code class=\"language-brainfuck\">+&lt;[x]\n</code></pre>\n")
        #expect(output.diagnostics.count == 1)
        #expect(output.diagnostics.first?.kind == CodeBlockTransform.unknownLanguageKind)
        #expect(output.diagnostics.first?.place == "test.md:1:1")
    }

    @Test func textIsPlainWithoutAWarning() {
        let output = highlighted("```text\na < b\n```\n")
        #expect(output.html == "<pre class=\"highlight\" tabindex=\"0\"><code class=\"language-text\">a &lt; b\n</code></pre>\n")
        #expect(output.diagnostics.isEmpty)
    }

    /// No language (and indented code): cmark's output, as before.
    @Test func blocksWithoutLanguageKeepCmarksOutput() {
        for markdown in ["```\na < b\n```\n", "    a < b\n", "```\n```\n"] {
            #expect(highlighted(markdown).html == html(markdown))
        }
    }

    @Test func highlightingOffIsCmarksOutput() {
        let markdown = "```yaml title=\"x\" linenos\na: 1\n```\n"
        #expect(render(markdown, options: MarkdownOptions(highlight: false)).html == "<pre><code class=\"language-yaml\">a: 1\n</code></pre>\n")
    }

    /// A site with `markdown.highlight: false` still shows a fence's title,
    /// line numbers and marked lines (plain), and warns about what it cannot
    /// read; a fence with a language alone keeps cmark's output.
    @Test func highlightingOffInASiteKeepsFenceOptions() {
        let site = MarkdownOptions(highlight: false, fenceOptions: true)
        let titled = render("```yaml title=\"x\" linenos\na: 1\n```\n", options: site)
        #expect(titled.html == "<figure class=\"code-block\">\n<figcaption>x</figcaption>\n<pre class=\"highlight\" tabindex=\"0\"><code class=\"language-yaml linenos\"><span class=\"line\">a: 1</span>\n</code></pre>\n</figure>\n")
        let marked = render("```ts{2}\nlet a\nlet b\n```\n", options: site)
        #expect(marked.html.contains("<code class=\"language-ts\"><span class=\"line\">let a</span>\n<mark class=\"line\">let b</mark>"))
        #expect(marked.diagnostics.isEmpty)
        #expect(render("```ts{0}\nx\n```\n", options: site).diagnostics.count == 1)
        #expect(render("```klingon\nx\n```\n", options: site).html == "<pre><code class=\"language-klingon\">x\n</code></pre>\n")
        #expect(render("```klingon\nx\n```\n", options: site).diagnostics.isEmpty)
    }

    @Test func blocksInAListAndACallout() {
        let list = highlighted("1. Run:\n\n   ```console\n   $ make\n   ```\n").html
        #expect(list == "<ol>\n<li>\n<p>Run:</p>\n<pre class=\"highlight\" tabindex=\"0\"><code class=\"language-console console\"><span class=\"gp\">$ </span><span class=\"cmd\">make</span>\n</code></pre>\n</li>\n</ol>\n")
        let callout = highlighted("> [!NOTE]\n> ```json\n> {\"a\": true}\n> ```\n").html.withoutCalloutIcons
        #expect(callout.contains("<p class=\"callout-title\">Note</p>\n<pre class=\"highlight\" tabindex=\"0\"><code class=\"language-json\">"))
        #expect(callout.contains("<span class=\"k\">true</span>"))
    }

    /// Odd input: an unterminated string and comment stay inside their block;
    /// empty blocks; a 10,000-line block keeps every line.
    @Test func oddInput() {
        let unterminated = highlighted("```python\ns = \"never closed\n```\n\nAfter.\n\n```c\n/* open\n```\n").html
        #expect(unterminated.contains("s = &quot;never closed\n</code></pre>\n<p>After.</p>"))
        #expect(unterminated.contains("<span class=\"c\">/* open</span>\n</code></pre>"))
        #expect(highlighted("```json\n```\n").html == "<pre class=\"highlight\" tabindex=\"0\"><code class=\"language-json\"></code></pre>\n")
        let long = (1...10_000).map { "x = \($0)" }.joined(separator: "\n")
        let output = highlighted("```python\n\(long)\n```\n").html
        #expect(output.components(separatedBy: "\n").count == 10_002)
        #expect(output.contains("x = <span class=\"n\">10000</span>\n</code></pre>"))
    }

    /// Pages render on every core: languages load once under the engine's
    /// lock and are shared; the same blocks give the same HTML on any thread.
    @Test func highlightingOnManyThreadsGivesTheSameOutput() throws {
        let names = ["yaml", "python", "swift", "cpp", "sql", "diff", "powershell", "html"]
        let code = "x = \"a\" # 1 /* 2 */ -- 3\nif (a < 2) { return true; }\n"
        let expected = try names.map { try SourceHighlight.highlight(code, as: #require(CodeLanguage(name: $0))) }
        let results = ResultSlots<String>(count: 400)
        DispatchQueue.concurrentPerform(iterations: 400) { index in
            let language = CodeLanguage(name: names[index % names.count])!
            results[index] = (try? SourceHighlight.highlight(code, as: language)) ?? ""
        }
        for (index, result) in results.values.enumerated() {
            #expect(result == expected[index % names.count])
        }
    }

    /// Issue 26: a language's definition is prepared (includes inlined,
    /// built by the engine) once per process, however many blocks use it and
    /// on however many threads (every block prepared it again before).
    @Test func eachLanguageIsPreparedOncePerProcess() throws {
        let page = String(repeating: "```python\nif a < b:  # 1\n    pass\n```\n\n", count: 500)
        let output = highlighted(page)
        #expect(output.diagnostics.isEmpty)
        #expect(output.html.components(separatedBy: "<span class=\"k\">if</span>").count == 501)
        #expect(PreparedLanguages.preparations(of: .system("python.lang")) == 1)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in _ = highlighted("```ruby\nputs 1\n```\n\n```rb\nx = nil\n```\n") }
        #expect(PreparedLanguages.preparations(of: .system("ruby.lang")) == 1)
        // A console block's commands are shell: the same definition as bash.
        _ = highlighted("```console\n$ ls\n```\n\n```bash\nls\n```\n")
        #expect(PreparedLanguages.preparations(of: .system("sh.lang")) == 1)
        #expect(PreparedLanguages.preparations(of: .console) == 0)
    }

    /// Every language the engine ships a definition for has a name, and
    /// every name's definition builds. The files left out are the engine's
    /// parts (included by others) and its own formats, not languages.
    @Test func everyEngineLanguageHasANameAndBuilds() throws {
        let parts: Set<String> = ["c_comment.lang", "c_preprocessor.lang", "c_string.lang", "clike_vardeclaration.lang",
                                  "default.lang", "extreme_comment.lang", "extreme_comment2.lang", "extreme_comment3.lang",
                                  "function.lang", "html_simple.lang", "key_string.lang", "number.lang", "script_comment.lang",
                                  "symbols.lang", "todo.lang", "url.lang", "nohilite.lang", "langdef.lang", "outlang.lang",
                                  "style.lang", "errors.lang", "s.lang"]
        let named = Set(CodeLanguage.names.compactMap { name -> String? in
            if case .system(let file)? = CodeLanguage(name: name) { return file } else { return nil }
        })
        let shipped = Set(SourceHighlightFiles.byName.keys.filter { $0.hasSuffix(".lang") && !$0.hasPrefix("tml_") })
        #expect(shipped.subtracting(parts).subtracting(named).sorted() == [])
        for name in CodeLanguage.names {
            let language = try #require(CodeLanguage(name: name))
            if language == .plain { continue }
            #expect(throws: Never.self, "\(name)") { try SourceHighlight.highlight("x = 1\n", as: language) }
        }
    }

    /// The languages a real site had plain before (issue 26), by the names
    /// its authors wrote.
    @Test(arguments: [
        ("php", "<?php\nfunction hello($name) { return \"Hi $name\"; } // greet\n"),
        ("ruby", "def hello(name)\n  puts \"Hi #{name}\" # greet\nend\n"),
        ("rb", "class Page < Base; end\n"),
        ("erlang", "-module(hello).\nhello(Name) -> io:format(\"Hi ~s~n\", [Name]). % greet\n"),
        ("erl", "start() -> ok.\n"),
        ("elixir", "defmodule Hello do\n  @moduledoc \"Greets\"\n  def hello(name), do: IO.puts(\"Hi #{name}\") # greet\nend\n"),
        ("exs", "x = %{a: 1, b: :ok}\n"),
        ("hcl", "resource \"aws_instance\" \"web\" {\n  ami = var.ami # the image\n  count = 2\n}\n"),
        ("tf", "variable \"region\" {\n  default = \"eu-west-1\"\n}\n"),
        ("proto", "syntax = \"proto3\";\nmessage Page { string title = 1; }\n"),
        ("lua", "local function hello(name) return \"Hi \" .. name end -- greet\n"),
        ("perl", "my $name = 'x'; # greet\nprint \"Hi $name\\n\";\n"),
        ("scala", "object Hello { def main(args: Array[String]): Unit = println(\"Hi\") }\n"),
        ("haskell", "main :: IO ()\nmain = putStrLn \"Hi\" -- greet\n"),
        ("nginx", "server {\n  listen 80; # the port\n  root \"/srv/site\";\n}\n"),
        ("bat", "@echo off\nREM greet\nset NAME=x\n"),
    ])
    func moreLanguagesAreHighlighted(language: String, code: String) {
        let output = highlighted("```\(language)\n\(code)```\n")
        #expect(output.diagnostics.isEmpty)
        #expect(output.html.contains("<span class=\""), "no token coloured in \(language)")
    }

    /// Hugo's attribute form reads like the space-separated one; anything
    /// unknown is a warning at its column.
    @Test func hugoFenceAttributes() {
        let hugo = FenceInfo("go {hl_lines=[6, \"8-9\"], linenos=true}")
        #expect(hugo.language == "go" && hugo.lineNumbers && hugo.markedLines == [6, 8, 9] && hugo.problems.isEmpty)
        let quoted = FenceInfo("python {hl_lines=\"2-4\"}")
        #expect(quoted.language == "python" && !quoted.lineNumbers && quoted.markedLines == [2, 3, 4] && quoted.problems.isEmpty)
        #expect(FenceInfo("go{linenos=table,title=\"main.go\"}") == FenceInfo("go linenos title=main.go"))
        #expect(FenceInfo("go {linenos=false}").lineNumbers == false)
        #expect(FenceInfo("{.rust hl_lines=[1]}").language == "rust")
        #expect(FenceInfo("yaml title=\"a {b}\"").title == "a {b}")

        let output = highlighted("```go {hl_lines=[2], linenostart=199, linenos=yes}\na := 1\nb := 2\n```\n")
        #expect(output.diagnostics.map(\.description) == [
            "test.md:1:22: warning: unknown code block option 'linenostart'; known: hl_lines, linenos, title",
            "test.md:1:39: warning: 'linenos' is on or off; write linenos, or linenos=true or linenos=false",
        ])
        #expect(output.html.contains("<mark class=\"line\">b := <span class=\"n\">2</span></mark>"))
        let unclosed = highlighted("```go {hl_lines=[1]\nx\n```\n")
        #expect(unclosed.diagnostics.map(\.description) == ["test.md:1:7: warning: the attribute list has no closing '}'"])
    }

    /// VitePress's `ts{1,3-5}` marks lines as `hl_lines` does, and its
    /// `:line-numbers` suffix numbers them; what it cannot read is a warning.
    @Test func vitePressFenceForms() {
        let marked = FenceInfo("ts{1,3-5}")
        #expect(marked.language == "ts" && marked.markedLines == [1, 3, 4, 5] && !marked.lineNumbers && marked.problems.isEmpty)
        #expect(FenceInfo("ts {1,3-5}") == FenceInfo("ts hl_lines=\"1 3-5\""))
        let numbered = FenceInfo("js:line-numbers {2}")
        #expect(numbered.language == "js" && numbered.lineNumbers && numbered.markedLines == [2] && numbered.problems.isEmpty)
        #expect(FenceInfo("js:no-line-numbers") == FenceInfo("js"))
        #expect(FenceInfo("js:line-numbers") == FenceInfo("js linenos"))
        #expect(FenceInfo("{.js 2}").markedLines == [2])
        // A name in brackets before the braces (VitePress in a code group,
        // Nuxt Content): the label, and the lines marked; once a warning.
        let named = FenceInfo("js [config.js]{2}")
        #expect(named.language == "js" && named.label == "config.js" && named.markedLines == [2] && named.problems.isEmpty)
        #expect(FenceInfo("ts [nuxt.config.ts] {4-5}") == FenceInfo("ts [nuxt.config.ts] hl_lines=4-5"))
        #expect(FenceInfo("[a.txt]{1}").label == "a.txt")
                // Outside braces a number is no VitePress mark.
        #expect(FenceInfo("ts 1").problems.count == 1)

        let output = highlighted("```ts{1,3-5}\nlet a = 1\nlet b = 2\nlet c = 3\nlet d = 4\nlet e = 5\n```\n")
        #expect(output.diagnostics.isEmpty, "\(output.diagnostics)")
        #expect(output.html.components(separatedBy: "<mark class=\"line\">").count - 1 == 4)
        #expect(output.html.contains("<mark class=\"line\"><span class=\"k\">let</span> a"))
        #expect(!output.html.contains("<mark class=\"line\"><span class=\"k\">let</span> b"))
        let wrong = highlighted("```ts{0,5-2}\nx\n```\n\n```js:line-numbers=10\ny\n```\n\n```js:wrap\nz\n```\n")
        #expect(wrong.diagnostics.map(\.description) == [
            "test.md:1:7: warning: '0' is not a line or range of lines from 1; write the lines to mark like {1,4-6}",
            "test.md:1:9: warning: '5-2' is not a line or range of lines from 1; write the lines to mark like {1,4-6}",
            "test.md:5:7: warning: lines are numbered from 1: a start ('line-numbers=10') is not read",
            "test.md:9:6: warning: unknown code block option ':wrap' after the language; known: :line-numbers, :no-line-numbers",
        ])
        #expect(wrong.html.contains("<code class=\"language-js linenos\">"))
        let group = highlighted("::: code-group\n\n```js [config.js]{2}\nlet a = 1\nlet b = 2\n```\n\n:::\n")
        #expect(group.diagnostics.isEmpty, "\(group.diagnostics)")
        #expect(group.html.contains(">config.js<"))
        #expect(group.html.contains("<mark class=\"line\">let b = "))
        #expect(!group.html.contains("<figcaption>"))
        // Outside a code group the name is the block's title, not dropped.
        let alone = highlighted("```js [config.js]{2}\nlet a = 1\nlet b = 2\n```\n")
        #expect(alone.diagnostics.isEmpty, "\(alone.diagnostics)")
        #expect(alone.html.contains("<figcaption>config.js</figcaption>"))
        #expect(alone.html.contains("<mark class=\"line\">"))
        #expect(highlighted("```js [a.js] title=\"b.js\"\nx\n```\n").html.contains("<figcaption>b.js</figcaption>"))
    }

    @Test func fenceInfoParsing() {
        let info = FenceInfo("yaml  title='a b' linenos hl_lines=\"1,3-4\"")
        #expect(info.language == "yaml" && info.title == "a b" && info.lineNumbers && info.markedLines == [1, 3, 4])
        #expect(info.problems.isEmpty)
        #expect(FenceInfo("title=\"x\"").language == "")
        #expect(FenceInfo.lineSet("4-2") == nil && FenceInfo.lineSet("") == nil && FenceInfo.lineSet("1-200000") == nil)
        #expect(FenceInfo("go linenos=yes").problems.count == 1)
    }

    @Test func languageNamesAndAliases() {
        #expect(CodeLanguage(name: "YML") == .bundled("yaml"))
        #expect(CodeLanguage(name: "shell-session") == .console)
        #expect(CodeLanguage(name: "text") == .plain)
        #expect(CodeLanguage(name: "brainfuck") == nil)
    }
}

