/// Text written into YAML by `sitegen init` and `sitegen new`: in double
/// quotes, so a title with `: `, `#` or a leading `-` stays text.
enum YAMLQuoting {
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 { result += "\\x" + (scalar.value < 16 ? "0" : "") + String(scalar.value, radix: 16) }
                else { result.unicodeScalars.append(scalar) }
            }
        }
        return result + "\""
    }

    /// A page's front matter: `---`, the fields in order, `---`.
    static func frontMatter(_ fields: [(String, String)]) -> String {
        "---\n" + fields.map { "\($0.0): \($0.1)\n" }.joined() + "---\n"
    }
}
