import Testing
import Yams
@testable import SitegenKit

/// sitegen resolves the type of a plain YAML scalar itself (Yams' regular
/// expressions were a hot spot): the same answer as Yams' default rules
/// without timestamps, merge keys and `=`, for every spelling.
@Suite struct YAMLTagTests {
    static let yamsRules = Resolver.default.removing(.timestamp).removing(.merge).removing(.value)

    @Test(arguments: [
        "10", "-3", "+7", "0", "007", "0o17", "0x1F", "-0x1f", "0b101", "1_000", "1:30", "190:20:30", "01", "1a", "0x", "+",
        "3.14", ".5", "-.5", "1.", "1e3", "1.5e-3", "1e", "-.inf", ".Inf", "+.INF", ".nan", ".NaN", ".NAN", ".", "..", "-",
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON",
        "off", "Off", "OFF", "yEs", "tRUE", "y", "n",
        "null", "Null", "NULL", "~", "", "nULL", "~~",
        "Page 7", "2024-01-01", "2001-12-14t21:59:43.10-05:00", "<<", "=", "Order check", "12 monkeys", "1 2", "-1 day", "é",
        // Plain decimals are typed without the rules: their neighbours must not be.
        "-0", "+0", "00", "-", "+-1", "1-", "10000000000000000000000", "9 ", " 9", "1.0", "1e5", "٣", "１２",
    ])
    func plainScalarsResolveAsYamsDefaultRulesDo(text: String) {
        let node = Node.scalar(.init(text))
        #expect(YAMLText.tag(of: node) == Self.yamsRules.resolveTag(of: node), "'\(text)'")
    }

    @Test func quotedAndTaggedScalarsKeepTheirTags() throws {
        let yaml = try YAMLText("a: 10\nb: \"10\"\nc: !!str 10\nd: yes\ne: ~\nf: 2024-01-01\ng: 'true'\nh: !!int \"12\"\ni: [1, x]\n", file: "t.md")
        let fields = YAMLReader.children(yaml.root)
        let tags = ["a", "b", "c", "d", "e", "f", "g", "h"].map { YAMLText.tag(of: fields[$0]!) }
        #expect(tags == [.int, .str, .str, .bool, .null, .str, .str, .int])
        #expect(YAMLText.tag(of: fields["i"]!) == .seq)
        #expect(YAMLText.templateValue(fields["i"]!) == .list([.int(1), .string("x")]))
    }
}
