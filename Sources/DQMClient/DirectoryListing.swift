public import Foundation

/// One row of a DQM GUI directory listing (or of a local directory).
public struct ListingEntry: Sendable, Equatable {
    /// The name without the trailing `/` of directories.
    public let name: String
    public let isDirectory: Bool
    /// Byte size; nil for directories and the root list.
    public let size: Int64?
    /// Modification time (the server prints it in UTC to the second).
    public let modified: Date?

    public init(name: String, isDirectory: Bool, size: Int64?, modified: Date?) {
        self.name = name
        self.isDirectory = isDirectory
        self.size = size
        self.modified = modified
    }

    /// The names the server serves and lists:
    /// `^[A-Za-z0-9][-A-Za-z0-9_]*(?:\.(?:root|zip|ig))?$`. Anything else
    /// (dot files, `..`, temp files) is never used as a path component.
    public static func isAllowedName(_ name: String) -> Bool {
        var stem = Substring(name)
        for suffix in [".root", ".zip", ".ig"] where name.hasSuffix(suffix) {
            stem = stem.dropLast(suffix.count)
            break
        }
        guard let first = stem.unicodeScalars.first, isAlphanumeric(first) else { return false }
        return stem.unicodeScalars.allSatisfy { isAlphanumeric($0) || $0 == "-" || $0 == "_" }
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar))
    }
}

/// Parses the listing HTML written by the DQM GUI's `DQMFileAccess.browse`:
/// one `<tr><td><a href='…'>name[/]</a></td><td>size|-|&nbsp;</td><td>date UTC|&nbsp;</td>`
/// per entry (the same pattern the GUI's own OnlineSync agent matches).
public enum DirectoryListingParser {
    nonisolated(unsafe) private static let row =
        #/<tr><td><a href='([^']*)'>([^<]*)</a></td><td>(\d+|&nbsp;|-)</td><td>(&nbsp;|\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC)</td>/#

    public static func parse(_ html: String, url: String) throws -> [ListingEntry] {
        guard html.contains("<title>Index of "), html.contains("<table") else {
            throw DQMClientError.unexpectedListing(reason: "not a DQM GUI directory listing (no 'Index of' table)", url: url)
        }
        var entries: [ListingEntry] = []
        for match in html.matches(of: row) {
            let label = String(match.output.2)
            // Sub-directories end in `/` with size `-`; the root list's entries have `&nbsp;`.
            let isDirectory = label.hasSuffix("/") || match.output.3 == "-" || match.output.3 == "&nbsp;"
            let name = label.hasSuffix("/") ? String(label.dropLast()) : label
            guard ListingEntry.isAllowedName(name) else { continue }
            let size = isDirectory ? nil : Int64(match.output.3)
            entries.append(ListingEntry(name: name, isDirectory: isDirectory, size: size, modified: parseDate(match.output.4)))
        }
        let rowCount = html.ranges(of: "<tr>").count
        if entries.isEmpty, rowCount > 0 {
            throw DQMClientError.unexpectedListing(reason: "\(rowCount) table rows, none in the listing format", url: url)
        }
        return entries
    }

    /// `YYYY-MM-DD HH:MM:SS UTC` to a date; nil for `&nbsp;`.
    static func parseDate(_ text: Substring) -> Date? {
        let digits = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard digits.count == 6 else { return nil }
        var components = DateComponents()
        components.calendar = Calendar(identifier: .gregorian)
        components.timeZone = TimeZone(identifier: "UTC")
        (components.year, components.month, components.day) = (digits[0], digits[1], digits[2])
        (components.hour, components.minute, components.second) = (digits[3], digits[4], digits[5])
        return components.date
    }
}
