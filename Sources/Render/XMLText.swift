/// XML escaping as the plots use it, for other writers of XML and XHTML (report galleries).
public enum XMLText {
    /// Text escaped for element content and attribute values alike; control
    /// characters XML 1.0 forbids even escaped become spaces.
    public static func escape(_ text: String) -> String {
        // Most names and numbers need nothing: skip the buffer for them.
        let plain = text.utf8.allSatisfy { byte in
            byte >= 0x20 && byte != UInt8(ascii: "&") && byte != UInt8(ascii: "<") && byte != UInt8(ascii: ">")
                && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "'")
        }
        guard !plain else { return text }
        var buffer = SVGBuffer(capacity: text.utf8.count + 16)
        buffer.text(text)
        return buffer.string
    }
}
