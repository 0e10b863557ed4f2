import SubsystemConfig
import Testing

@Suite struct JSONParserTests {
    @Test func parsesValuesWithTheirLocations() throws {
        let node = try JSONParser.parse("{\n  \"a\": [1, -2.5e3, true, null],\n  \"b\": \"x\\u00e9\\ud83d\\ude00\\n\"\n}")
        guard case let .object(members) = node.value else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["a", "b"])
        #expect(members[0].keyLocation == SourceLocation(line: 2, column: 3))
        #expect(members[1].value.location == SourceLocation(line: 3, column: 8))
        #expect(node.plain == .object(["a": .array([.number(1), .number(-2500), .bool(true), .null]), "b": .string("xé😀\n")]))
        guard case let .array(items) = members[0].value.value else { Issue.record("not an array"); return }
        #expect(items[1].location == SourceLocation(line: 2, column: 12))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let node = try JSONParser.parse("[\"éé\", 1]")
        guard case let .array(items) = node.value else { Issue.record("not an array"); return }
        #expect(items[1].location == SourceLocation(line: 1, column: 8))
    }

    @Test func keepsDuplicateKeysForTheDecoderToReport() throws {
        let node = try JSONParser.parse(#"{"a": 1, "a": 2}"#)
        guard case let .object(members) = node.value else { Issue.record("not an object"); return }
        #expect(members.count == 2)
        #expect(node.plain == .object(["a": .number(2)]))  // last wins, as in Python's json
    }

    @Test(arguments: [
        ("{\"a\": 1,}", "1:9: expected a quoted key, found '}' (trailing comma?)"),
        ("[1, 2,]", "1:7: expected a value, found ']' (trailing comma?)"),
        ("{\"a\" 1}", "1:6: expected ':' after key \"a\", found '1'"),
        ("{\n  \"a\": 01\n}", "2:8: numbers may not have leading zeros"),
        ("{\"a\": \"x", "1:9: unexpected end of file; the string starting at 1:7 is not closed"),
        ("{\"a\": \"x\ny\"}", "1:9: line break inside a string (write \\n)"),
        ("[\"\\q\"]", "1:3: invalid escape '\\q'"),
        ("[\"\\ud800\"]", "1:3: unpaired surrogate \\uD800"),
        ("// comment\n{}", "1:1: unexpected '/'; expected a value"),
        ("{} {}", "1:4: unexpected '{' after the end of the JSON value"),
        ("[tru]", "1:2: invalid literal; expected 'true'"),
        ("[NaN]", "1:2: unexpected 'N'; expected a value"),
        ("[1.]", "1:4: a number needs digits after '.'"),
        ("[1e999]", "1:2: number 1e999 is out of range"),
        ("", "1:1: unexpected end of file; expected a value"),
        ("{\"a\": [1, 2}", "1:12: expected ',' or ']' in the array, found '}'"),
        ("[1, 2", "1:6: unexpected end of file; the array opened at 1:1 is not closed"),
    ])
    func reportsSyntaxErrorsWithTheirPosition(text: String, expected: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(text) }
        do {
            _ = try JSONParser.parse(text)
        } catch {
            #expect(error.description == expected)
        }
    }

    @Test func refusesDeepNestingInsteadOfOverflowingTheStack() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(text) }
    }

    @Test func acceptsAByteOrderMark() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("{}".utf8)).plain == .object([:]))
    }

    @Test func rejectsInvalidUTF8InStrings() {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse([0x22, 0xFF, 0x22]) }
    }
}
