import Foundation

/// Work shared out over the machine's cores: sitegen's one way of running
/// work in parallel (Dispatch's `concurrentPerform`, which blocks the caller
/// and runs one worker a core). Threads that wait on the network or a
/// socket, not on a core, are threads of their own (`ExternalLinkCheck`,
/// `PreviewServer`).
package enum Cores {
    /// How many cores the machine has for sitegen.
    package static var count: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// Runs `work(worker)` for every worker in `0..<workers` at once; returns
    /// when all are done.
    package static func run(workers: Int, _ work: @Sendable (Int) -> Void) {
        DispatchQueue.concurrentPerform(iterations: workers, execute: work)
    }

    /// Runs `work` on contiguous parts of `0..<count`, one per core, at once;
    /// returns when all are done. A core joins only for at least
    /// `minimumPerCore` items: starting one costs more than a few small ones.
    package static func split(_ count: Int, minimumPerCore: Int = 64, _ work: @Sendable (Range<Int>) -> Void) {
        let workers = max(1, min(Self.count, count / minimumPerCore))
        run(workers: workers) { worker in
            work(count * worker / workers..<count * (worker + 1) / workers)
        }
    }

    /// `transform` of every element, computed on every core, in order.
    package static func map<Element: Sendable, Result: Sendable>(_ elements: [Element], minimumPerCore: Int = 64,
                                               _ transform: @Sendable (Element) -> Result) -> [Result] {
        let results = ResultSlots<Result>(count: elements.count)
        split(elements.count, minimumPerCore: minimumPerCore) { range in
            for index in range { results[index] = transform(elements[index]) }
        }
        return results.values
    }
}
