/// A place in a config file, 1-based like a compiler's `file:line:column`.
/// Columns count characters (Unicode scalars), not bytes.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}
