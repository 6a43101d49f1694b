#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// ThemeEmbedder OUTPUT TYPE FOLDER PATH...: writes OUTPUT, a Swift source
// giving TYPE a list `embedded` of each FOLDER/PATH as text (valid UTF-8)
// or hex (anything else), in the order given. Run by the EmbedTheme plugin at build time. No Foundation:
// this tool is built for every build of sitegen, and small is quick.

/// Prints `message` on standard error and exits with `status`.
func fail(_ message: String, status: Int32 = 1) -> Never {
    let line = Array((message + "\n").utf8)
    _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(status)
}

func readFile(_ path: String) -> [UInt8] {
    guard let file = fopen(path, "rb") else {
        fail("ThemeEmbedder: cannot read \(path)")
    }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
        let count = fread(&buffer, 1, buffer.count, file)
        if count == 0 { break }
        bytes += buffer[..<count]
    }
    return bytes
}

/// A Swift string literal with exactly `text`'s characters.
func literal(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": result += "\\\\"
        case "\"": result += "\\\""
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                result += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
    }
    return result + "\""
}

func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef")
    var text = ""
    text.reserveCapacity(bytes.count * 2)
    for byte in bytes {
        text.append(digits[Int(byte >> 4)])
        text.append(digits[Int(byte & 15)])
    }
    return "\"" + text + "\""
}

let arguments = CommandLine.arguments
guard arguments.count >= 4 else {
    fail("usage: ThemeEmbedder OUTPUT TYPE FOLDER PATH...", status: 2)
}
var source = """
    // Generated at build time by ThemeEmbedder from \(arguments[3]); do not edit.
    extension \(arguments[2]) {
        static let embedded: [File] = [

    """
for path in arguments.dropFirst(4) {
    let bytes = readFile(arguments[3] + "/" + path)
    if let text = String(validating: bytes, as: UTF8.self) {
        source += "        File(path: \(literal(path)), text: \(literal(text))),\n"
    } else {
        source += "        File(path: \(literal(path)), hex: \(hex(bytes))),\n"
    }
}
source += "    ]\n}\n"
guard let output = fopen(arguments[1], "wb"), fputs(source, output) >= 0, fclose(output) == 0 else {
    fail("ThemeEmbedder: cannot write \(arguments[1])")
}
