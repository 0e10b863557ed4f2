@testable import App
import Testing

@Suite("Admin token")
struct AdminTokenTests {
    @Test func onlyTheWholeTokenMatches() {
        let token = AdminToken("correct-horse")
        #expect(token.matches("correct-horse"))
        for wrong in ["", "correct", "correct-horse-battery", "Correct-horse", "correct-horsf"] {
            #expect(!token.matches(wrong), "\(wrong)")
        }
    }

    @Test func anEmptySecretMatchesNothing() {
        #expect(!AdminToken("").matches(""))
    }
}
