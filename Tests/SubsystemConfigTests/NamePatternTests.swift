@testable import SubsystemConfig
import Testing

@Suite struct NamePatternTests {
    @Test func starQuestionMarkAndClassesMatchWholeNames() throws {
        let star = try NamePattern("hRHGlobal*")
        #expect(star.matches("hRHGlobalm1") && star.matches("hRHGlobal"))
        #expect(!star.matches("xhRHGlobal1"))
        let middle = try NamePattern("h*Time*Z")
        #expect(middle.matches("hSTimeVsZ") && !middle.matches("hSTimeVsZ2"))
        let question = try NamePattern("h???")
        #expect(question.matches("hEta") && !question.matches("hPt") && !question.matches("hEtaPhi"))
        let range = try NamePattern("W[0-2]_[!a-c]")
        #expect(range.matches("W1_d") && !range.matches("W3_d") && !range.matches("W1_b"))
        let caret = try NamePattern("[^x]y")
        #expect(caret.matches("ay") && !caret.matches("xy"))
        let escaped = try NamePattern(#"a\*b"#)
        #expect(escaped.matches("a*b") && !escaped.matches("axb"))
        #expect(escaped.literalName == "a*b" && !escaped.isWildcard)
    }

    @Test func literalNamesAreNotWildcards() throws {
        let literal = try NamePattern("hORecHits")
        #expect(!literal.isWildcard && literal.literalName == "hORecHits")
        #expect(literal.matches("hORecHits") && !literal.matches("hORecHits2"))
    }

    @Test func starsDoNotBacktrackExponentially() throws {
        let pattern = try NamePattern(String(repeating: "*a", count: 30) + "b")
        #expect(!pattern.matches(String(repeating: "a", count: 200)))
    }

    @Test(arguments: [
        ("h[abc", 1, "'[' is not closed by ']'"),
        ("h[]", 1, "empty character class '[]'"),
        ("h[z-a]", 2, "character range 'z-a' is reversed"),
        ("h]", 1, "']' without a matching '[' (write \\] for a literal)"),
        ("h\\", 1, "'\\' at the end of the pattern escapes nothing"),
        ("", 0, "the histogram name is empty"),
    ])
    func rejectsBadGlobs(pattern: String, offset: Int, message: String) {
        #expect(throws: GlobError(offset: offset, message: message)) { try NamePattern(pattern) }
    }

    @Test func autodqmPrefixIsTheTextBeforeTheFirstStar() throws {
        #expect(try NamePattern("hWireTBin_*").autodqmPrefix == "hWireTBin_")
        #expect(try NamePattern("a*b*").autodqmPrefix == "a")
    }
}

extension NamePatternTests {
    @Test func literalPatternsEscapeGlobCharacters() throws {
        let literal = NamePattern(literal: "a*[b]?")
        #expect(literal.pattern == #"a\*\[b\]\?"# && literal.literalName == "a*[b]?")
        #expect(try NamePattern(literal.pattern) == literal && literal.matches("a*[b]?") && !literal.matches("ax[b]c"))
    }
}
