import Foundation

/// Results written by several threads, each into its own slots.
///
/// Unchecked Sendable: `slots`, its one mutable field, is read and written
/// only under `lock`, and the values it holds are Sendable.
package final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    package init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    package subscript(index: Int) -> Value? {
        get { lock.withLock { slots[index] } }
        set { lock.withLock { slots[index] = newValue } }
    }

    package var values: [Value] { lock.withLock { slots.map { $0! } } }
}

extension ResultSlots where Value == Int {
    package func increment(by amount: Int) -> Int {
        lock.withLock {
            slots[0] = (slots[0] ?? 0) + amount
            return slots[0]!
        }
    }
}
