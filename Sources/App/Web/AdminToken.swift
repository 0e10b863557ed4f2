/// The admin token from the environment, compared in constant time so the
/// response time does not tell how much of a guess was right.
struct AdminToken: Sendable {
    private let secret: [UInt8]

    init(_ secret: String) {
        self.secret = Array(secret.utf8)
    }

    func matches(_ candidate: String) -> Bool {
        let given = Array(candidate.utf8)
        // Every byte of the longer of the two is visited whatever the input.
        var difference: UInt8 = given.count == secret.count ? 0 : 1
        for index in 0..<max(given.count, secret.count) {
            let a = index < given.count ? given[index] : 0
            let b = index < secret.count ? secret[index] : 0
            difference |= a ^ b
        }
        return difference == 0 && !secret.isEmpty
    }
}
