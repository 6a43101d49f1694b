import Foundation

/// A written page's "Last updated" date (`lastUpdated:`), as templates
/// show it: the day in UTC, so one checkout builds the same pages anywhere.
package struct PageDate: Sendable, Hashable {
    /// `2026-12-07`, for `<time datetime>`.
    package var iso: String
    /// The day in the page's language (`7 december 2026` in Dutch): one
    /// fixed style per language, the long date of its locale.
    package var shown: String

    /// The dates of the written pages (fallbacks and generated pages have
    /// no file of their own), by source path; formatted once per language
    /// and day, not per page.
    static func dates(_ seconds: [String: Int64], pages: [Page]) -> [String: PageDate] {
        guard !seconds.isEmpty else { return [:] }
        var formatters: [String: DateFormatter] = [:]
        var made: [String: PageDate] = [:]
        var result: [String: PageDate] = [:]
        let iso = formatter(locale: "en_US_POSIX")
        iso.dateFormat = "yyyy-MM-dd"
        for page in pages where page.generated == nil && !page.isFallback {
            guard let time = seconds[page.sourcePath] else { continue }
            let date = Date(timeIntervalSince1970: TimeInterval(time))
            let day = iso.string(from: date)
            let key = page.language + " " + day
            if let known = made[key] {
                result[page.sourcePath] = known
                continue
            }
            let shown = formatters[page.language, default: longStyle(page.language)]
            formatters[page.language] = shown
            made[key] = PageDate(iso: day, shown: shown.string(from: date))
            result[page.sourcePath] = made[key]
        }
        return result
    }

    private static func longStyle(_ language: String) -> DateFormatter {
        let formatter = formatter(locale: language)
        formatter.dateStyle = .long
        formatter.timeStyle = .none
        return formatter
    }

    private static func formatter(locale: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: locale)
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.calendar = Calendar(identifier: .gregorian)
        return formatter
    }
}
