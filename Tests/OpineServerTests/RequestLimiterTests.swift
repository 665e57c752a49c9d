import Testing
@testable import OpineServer

/// Forty tasks through a limiter of three: never more than three at once, every one served,
/// and the limit reached (the oracle: a counter kept by the tasks themselves).
struct RequestLimiterTests {
    actor Gauge {
        var now = 0, most = 0, done = 0
        func enter() { now += 1; most = max(most, now) }
        func leave() { now -= 1; done += 1 }
    }

    @Test func neverMoreThanTheLimitRunAtOnce() async {
        let limiter = RequestLimiter(limit: 3)
        let gauge = Gauge()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<40 {
                group.addTask {
                    await limiter.acquire()
                    await gauge.enter()
                    try? await Task.sleep(nanoseconds: 2_000_000)
                    await gauge.leave()
                    await limiter.release()
                }
            }
        }
        #expect(await gauge.most == 3)
        #expect(await gauge.done == 40)
    }
}
