/// A large page's footnotes, numbered before any of its pieces
/// (`MarkdownChunks`) is rendered, as the whole page's render numbers them
/// (`FootnoteTransform`): by first reference, those in the text first, then
/// those in the notes, note by note in the order of their numbers.
///
/// A survey of every piece records the labels the text refers to and each
/// note's own references; `number()` then gives each note its number and
/// each reference its place among those to its note (`fnref-3-2`). While
/// the pieces are rendered, it counts the text's references so far.
struct FootnotePlan {
    /// The n-th reference to note `number` (1-based): its id's parts.
    struct Reference {
        var number: Int
        var count: Int
    }

    // MARK: The survey

    /// The page defines a note (then `footnotes-label` is taken, used or not).
    private(set) var hasDefinitions = false
    /// The labels (lowercased) the text names as `[^label]`, defined or
    /// not, in the order each is first named, and how often.
    private var textOrder: [String] = []
    private var textCounts: [String: Int] = [:]
    /// Each label's first definition: the labels its note names, in order.
    private var noteLabels: [String: [String]] = [:]

    mutating func surveyText(names labels: [String]) {
        for label in labels {
            if textCounts[label] == nil { textOrder.append(label) }
            textCounts[label, default: 0] += 1
        }
    }

    /// Records a definition; false when its label was defined before.
    mutating func surveyDefinition(_ label: String, names labels: [String]) -> Bool {
        hasDefinitions = true
        guard noteLabels[label] == nil else { return false }
        noteLabels[label] = labels
        return true
    }

    func isDefined(_ label: String) -> Bool { noteLabels[label] != nil }

    // MARK: The numbers

    private(set) var numbers: [String: Int] = [:]
    /// References to each numbered note, in the text and in notes.
    private(set) var referenceCounts: [String: Int] = [:]
    /// The references each numbered note makes, in order.
    private var noteReferences: [String: [Reference]] = [:]
    /// The ids the notes take: no heading may have one.
    private(set) var ids: Set<String> = []

    mutating func number() {
        var queue: [String] = []
        for label in textOrder where isDefined(label) {
            queue.append(label)
            numbers[label] = queue.count
            referenceCounts[label] = textCounts[label]
        }
        var next = 0
        while next < queue.count {
            let note = queue[next]
            next += 1
            var references: [Reference] = []
            for label in noteLabels[note]! where isDefined(label) {
                if numbers[label] == nil {
                    queue.append(label)
                    numbers[label] = queue.count
                }
                referenceCounts[label, default: 0] += 1
                references.append(Reference(number: numbers[label]!, count: referenceCounts[label]!))
            }
            noteReferences[note] = references
        }
        if hasDefinitions { ids.insert("footnotes-label") }
        for (label, number) in numbers {
            ids.insert("fn-\(number)")
            for count in 1...referenceCounts[label]! { ids.insert(FootnoteTransform.referenceID(number, count)) }
        }
    }

    // MARK: Rendering the pieces

    /// References of the text rendered so far, by label.
    private var textCountsSoFar: [String: Int] = [:]
    /// Labels whose first definition was rendered.
    private var definedSoFar: Set<String> = []

    /// The next reference of the text to `label`, nil when it names no note.
    mutating func nextTextReference(to label: String) -> Reference? {
        guard let number = numbers[label] else { return nil }
        textCountsSoFar[label, default: 0] += 1
        return Reference(number: number, count: textCountsSoFar[label]!)
    }

    /// Marks a definition rendered; false when its label was defined before.
    mutating func render(definitionOf label: String) -> Bool {
        definedSoFar.insert(label).inserted
    }

    /// The references a numbered note makes, in order.
    func references(inNote label: String) -> [Reference] {
        noteReferences[label] ?? []
    }
}
