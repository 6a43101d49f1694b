extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: SubSequence {
        trimming { $0 == " " || $0 == "\t" }
    }

    /// The text without leading and trailing spaces, tabs and line breaks.
    var trimmingWhitespace: SubSequence {
        trimming { $0 == " " || $0 == "\t" || $0.isNewline }
    }

    private func trimming(_ isTrimmed: (Character) -> Bool) -> SubSequence {
        guard let first = firstIndex(where: { !isTrimmed($0) }) else { return self[endIndex...] }
        let last = lastIndex(where: { !isTrimmed($0) })!
        return self[first...last]
    }
}
