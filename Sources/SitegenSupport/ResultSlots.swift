import Synchronization

/// Results written by several threads, each into its own slots.
package final class ResultSlots<Value: Sendable>: Sendable {
    private let slots: Mutex<[Value?]>

    package init(count: Int) {
        slots = Mutex(Array(repeating: nil, count: count))
    }

    package subscript(index: Int) -> Value? {
        get { slots.withLock { $0[index] } }
        set { slots.withLock { $0[index] = newValue } }
    }

    package var values: [Value] { slots.withLock { $0.map { $0! } } }
}

extension ResultSlots where Value == Int {
    package func increment(by amount: Int) -> Int {
        slots.withLock {
            $0[0] = ($0[0] ?? 0) + amount
            return $0[0]!
        }
    }
}
