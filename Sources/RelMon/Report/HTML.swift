import Foundation
import Render

/// Small helpers shared by every page (text is escaped by Render's `XMLText`): number formats, stable page names,
/// and the one page frame with its inline style sheet (no CDN, no remote fonts).
enum HTML {
    static func percent(_ value: Double) -> String { CFormat.double(value, "%.2f%%") }

    /// RelMon's tile format for a rank, `%.2E`.
    static func rank(_ value: Double) -> String { value.isFinite ? CFormat.double(value, "%.2E") : "n/a" }

    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(XMLText.escape(title))</title>
        <style>\(styleSheet)</style>
        </head><body>
        \(body)
        </body></html>

        """
    }

    /// A 64-bit FNV-1a hash in hex: short, stable file names for pages and plots
    /// (RelMon used the first 10 hex digits of an MD5 for the same purpose).
    static func stableName(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    static let styleSheet = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2330;background:#f5f6f8}
        header{background:#1f3a5f;color:#fff;padding:14px 24px}
        header h1{margin:4px 0;font-size:1.5em}
        header a{color:#cfe2ff}
        .crumbs{font-size:.9em}
        main{padding:16px 24px;max-width:1400px}
        section{background:#fff;border:1px solid #dde1e7;border-radius:6px;padding:12px 16px;margin:0 0 16px}
        h2{font-size:1.15em;margin:4px 0 10px}
        table{border-collapse:collapse}
        th,td{padding:4px 8px;text-align:left;border-bottom:1px solid #eceff3;vertical-align:middle}
        th{background:#f0f2f5;position:sticky;top:0}
        td.num{text-align:right;font-variant-numeric:tabular-nums}
        .summary{display:flex;gap:24px;flex-wrap:wrap;align-items:flex-start}
        .stats{list-style:none;padding:0;margin:0}
        .stats li{margin:2px 0}
        .dot{display:inline-block;width:.8em;height:.8em;border-radius:50%;margin-right:6px;vertical-align:-1px}
        .success{background:#3cb043}.null{background:#f2c500}.fail{background:#e0301e}.skipped{background:#8a8a8a}
        .problems{background:#fff4f2;border-color:#e0301e;color:#8a1c10}
        .tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(330px,1fr));gap:12px}
        .tile{border:3px solid #dde1e7;border-radius:6px;padding:6px;background:#fff;overflow:hidden}
        .tile.s-fail{border-color:#e0301e}.tile.s-success{border-color:#3cb043}
        .tile.s-null{border-color:#f2c500}.tile.s-skipped{border-color:#8a8a8a}
        .tile h3{font-size:.95em;margin:0 0 4px;word-break:break-all}
        .tile img{width:100%;height:auto;display:block;background:#fff}
        .muted{color:#5f6b7a;font-size:.9em}
        .scroll{overflow:auto;max-height:80vh}
        .matrix td{text-align:center}
        .matrix th.sample{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;font-weight:500;font-size:.85em;text-align:left;padding:6px 2px}
        .matrix th:first-child,.matrix td:first-child{position:sticky;left:0;background:#f0f2f5;text-align:left}
        .files td:nth-child(2){white-space:nowrap}
        .files td:nth-child(3),.files td:nth-child(4){font-size:.78em;min-width:240px;max-width:320px;word-break:break-all}
        .gauges{display:flex;flex-wrap:wrap;gap:16px}
        .gauge{text-align:center;width:170px}
        code{background:#f0f2f5;padding:1px 4px;border-radius:3px}
        """
}
