/// Language definitions sitegen ships for the languages GNU Source-highlight
/// 3.1.9 lacks, in its own definition language (the engine does the
/// highlighting; these only name what to colour). `include` names a file of
/// Source-highlight's folder; `SourceHighlight` resolves it when loading.
package enum BundledLanguageDefinitions {
    package static let all: [String: String] = [
        "yaml": #"""
        # YAML (sitegen): comments, quoted strings, keys, anchors, tags, scalars.
        comment start '(?<![^[:blank:]])#'
        string delim "\"" "\"" escape "\\"
        string delim "'" "'"
        preproc = '^(---|\.\.\.)(?=[[:blank:]]|$)'
        (normal,key,symbol) = `(^[[:blank:]]*(?:-[[:blank:]]+)*)([^[:blank:]#:"'][^#:]*?|"[^"]*"|'[^']*')(:(?=[[:blank:]]|$))`
        variable = '[&*][[:alnum:]_-]+'
        type = '!{1,2}[[:alnum:]_/-]*'
        keyword = "true|false|null|yes|no|on|off|True|False|Null|TRUE|FALSE|NULL"
        include "number.lang"
        """#,
        "toml": #"""
        # TOML (sitegen): comments, strings, tables, keys, booleans, numbers.
        comment start "#"
        string delim "\"\"\"" "\"\"\"" escape "\\" multiline
        string delim "'''" "'''" multiline
        string delim "\"" "\"" escape "\\"
        string delim "'" "'"
        type = '^[[:blank:]]*\[\[?[^]]*\]\]?'
        (key,symbol) = `(^[[:blank:]]*[[:alnum:]_."-]+(?:[[:blank:]]*\.[[:blank:]]*[[:alnum:]_"-]+)*)([[:blank:]]*=)`
        keyword = "true|false|inf|nan"
        include "number.lang"
        """#,
        "typescript": #"""
        # TypeScript (sitegen): JavaScript's definition with TypeScript's words.
        keyword = "as|async|await|declare|is|keyof|let|module|namespace|of|readonly|satisfies|type|unique|infer|override|from|import|get|set|yield"
        type = "any|bigint|boolean|never|number|object|string|symbol|undefined|unknown|void"
        preproc = '@[[:alpha:]_][[:alnum:]_]*'
        include "javascript.lang"
        """#,
        "kotlin": #"""
        # Kotlin (sitegen).
        include "c_comment.lang"
        string delim "\"\"\"" "\"\"\"" multiline
        string delim "\"" "\"" escape "\\"
        string delim "'" "'" escape "\\"
        preproc = '@[[:alpha:]_][[:alnum:]_]*'
        keyword = "abstract|annotation|as|break|by|catch|class|companion|const|constructor|continue|crossinline|data|do|else|enum|external|false|final|finally|for|fun|if|import|in|infix|init|inline|inner|interface|internal|is|lateinit|noinline|null|object|open|operator|out|override|package|private|protected|public|reified|return|sealed|super|suspend|tailrec|this|throw|true|try|typealias|val|value|var|vararg|when|where|while"
        type = "Any|Array|Boolean|Byte|Char|Double|Float|Int|List|Long|Map|MutableList|MutableMap|Nothing|Set|Short|String|Unit"
        include "number.lang"
        include "function.lang"
        """#,
        "swift": #"""
        # Swift (sitegen).
        include "c_comment.lang"
        string delim "\"\"\"" "\"\"\"" escape "\\" multiline
        string delim "\"" "\"" escape "\\"
        preproc = '[@#][[:alpha:]_][[:alnum:]_]*'
        keyword = "actor|any|as|associatedtype|async|await|borrowing|break|case|catch|class|consuming|continue|convenience|default|defer|deinit|do|dynamic|else|enum|extension|fallthrough|false|fileprivate|final|for|func|get|guard|if|import|in|indirect|init|inout|internal|is|lazy|let|mutating|nil|nonisolated|nonmutating|open|operator|optional|override|package|private|protocol|public|repeat|required|rethrows|return|self|Self|sending|set|some|static|struct|subscript|super|switch|throw|throws|true|try|typealias|unowned|var|weak|where|while|willSet|didSet"
        type = "Any|AnyObject|Array|Bool|Character|Dictionary|Double|Error|Float|Int|Int8|Int16|Int32|Int64|Never|Optional|Result|Set|String|Substring|UInt|UInt8|UInt16|UInt32|UInt64|Void"
        include "number.lang"
        include "function.lang"
        """#,
        "powershell": #"""
        # PowerShell (sitegen).
        comment delim "<#" "#>" multiline
        comment start "#"
        string delim "\"" "\"" escape "`"
        string delim "'" "'"
        variable = '\$\{[^}]*\}|\$[[:alnum:]_:?]+'
        function = '\<[A-Z][[:alpha:]]+-[A-Z][[:alnum:]]+\>'
        type = '\[[[:alpha:]][[:alnum:]_.]*(\[\])?\]'
        keyword = '(?i)\<(begin|break|catch|class|continue|data|do|dynamicparam|else|elseif|end|enum|exit|filter|finally|for|foreach|function|if|in|param|process|return|switch|throw|trap|try|until|using|while)\>'
        preproc = '(?i)(?<![[:alnum:]])-(eq|ne|gt|ge|lt|le|like|notlike|match|notmatch|contains|notcontains|in|notin|replace|and|or|not|xor|is|isnot|as|f)\>'
        include "number.lang"
        """#,
        "dockerfile": #"""
        # Dockerfile (sitegen): instructions, comments, strings, variables.
        comment start '^[[:blank:]]*#'
        keyword = '(?i)^[[:blank:]]*(ADD|ARG|CMD|COPY|ENTRYPOINT|ENV|EXPOSE|FROM|HEALTHCHECK|LABEL|MAINTAINER|ONBUILD|RUN|SHELL|STOPSIGNAL|USER|VOLUME|WORKDIR)\>'
        keyword = '(?i)\<AS\>'
        string delim "\"" "\"" escape "\\"
        string delim "'" "'"
        variable = '\$\{[^}]*\}|\$[[:alnum:]_]+'
        preproc = '--[[:alpha:]-]+(?==)'
        include "number.lang"
        """#,
        "markdown": #"""
        # Markdown (sitegen): headings, fences, code spans, emphasis, links, lists.
        keyword = '^[[:blank:]]{0,3}#{1,6}([[:blank:]].*)?$'
        preproc = '^[[:blank:]]{0,3}(```|~~~).*$'
        string = '`[^`]+`'
        (variable,normal,string) = `(!?\[[^]]*\])(\()([^)]*\))`
        type = '^[[:blank:]]*([-*+]|[[:digit:]]+[.)])(?=[[:blank:]])'
        function = '\*\*[^*]+\*\*|__[^_]+__'
        comment = '^[[:blank:]]{0,3}>.*$'
        """#,
        "elixir": #"""
        # Elixir (sitegen): comments, strings, sigils, attributes, atoms, modules, keywords.
        comment start "#"
        string delim "\"\"\"" "\"\"\"" escape "\\" multiline
        string delim "\"" "\"" escape "\\"
        string delim "'" "'" escape "\\"
        string = '~[[:alpha:]](\{[^}]*\}|\([^)]*\)|\[[^]]*\]|/[^/]*/|\|[^|]*\||<[^>]*>)[[:alpha:]]*'
        preproc = '@[[:alpha:]_][[:alnum:]_]*'
        keyword = "after|alias|and|case|catch|cond|def|defdelegate|defexception|defguard|defimpl|defmacro|defmacrop|defmodule|defoverridable|defp|defprotocol|defstruct|do|else|end|fn|for|if|import|in|not|or|quote|raise|receive|require|rescue|reraise|super|throw|try|unless|unquote|use|when|with|true|false|nil"
        atom = '(?<![[:alnum:]_:]):[[:alpha:]_][[:alnum:]_]*[?!]?|\<[[:alpha:]_][[:alnum:]_]*[?!]?:(?=[[:blank:]])'
        type = '\<[A-Z][[:alnum:]_]*(\.[A-Z][[:alnum:]_]*)*'
        include "number.lang"
        include "function.lang"
        """#,
        "hcl": #"""
        # HCL and Terraform (sitegen): comments, strings, blocks, keys, references.
        comment start "#"
        comment start "//"
        comment delim "/*" "*/" multiline
        string delim "\"" "\"" escape "\\"
        string = '<<-?[[:alpha:]_]+'
        (key,symbol) = `(^[[:blank:]]*[[:alnum:]_-]+)([[:blank:]]*=)`
        keyword = '^[[:blank:]]*(resource|data|variable|output|module|provider|locals|terraform|backend|required_providers|provisioner|connection|lifecycle|dynamic|moved|import|check|removed|job|group|task|source|build)\>'
        keyword = "for|in|if|null|true|false"
        variable = '\<(var|local|module|data|each|count|path|self|terraform)\.[[:alnum:]_.*-]+'
        include "number.lang"
        include "function.lang"
        """#,
    ]
}
