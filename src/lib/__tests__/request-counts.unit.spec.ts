import fc from "fast-check"
import { minuteOf, RequestCounter } from "../request-counts"

describe("RequestCounter", () => {
  it("adds up requests and 5xx per tenant and minute, and forgets them once drained", () => {
    const counter = new RequestCounter()
    const t = Date.UTC(2027, 0, 1, 10, 0, 30)
    counter.add(["sc_a"], 200, t)
    counter.add(["sc_a"], 503, t + 10_000)
    counter.add(["sc_a"], 404, t + 40_000)
    counter.add(["sc_b", "sc_c"], 500, t)
    expect(counter.drain()).toEqual([
      { sales_channel_id: "sc_a", minute: Date.UTC(2027, 0, 1, 10, 0), requests: 2, errors: 1 },
      { sales_channel_id: "sc_a", minute: Date.UTC(2027, 0, 1, 10, 1), requests: 1, errors: 0 },
      { sales_channel_id: "sc_b", minute: Date.UTC(2027, 0, 1, 10, 0), requests: 1, errors: 1 },
      { sales_channel_id: "sc_c", minute: Date.UTC(2027, 0, 1, 10, 0), requests: 1, errors: 1 },
    ])
    expect(counter.size).toBe(0)
  })

  it("loses no request across drains and restores", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom("sc_a", "sc_b"), fc.constantFrom(200, 400, 500, 503), fc.integer({ min: 0, max: 600_000 }), fc.boolean())),
        (calls) => {
          const counter = new RequestCounter()
          const written: { requests: number; errors: number }[] = []
          for (const [channel, status, at, fail] of calls) {
            counter.add([channel], status, at)
            const drained = counter.drain()
            if (fail) counter.restore(drained)
            else written.push(...drained)
          }
          written.push(...counter.drain())
          expect(written.reduce((s, c) => s + c.requests, 0)).toBe(calls.length)
          expect(written.reduce((s, c) => s + c.errors, 0)).toBe(calls.filter(([, status]) => status >= 500).length)
          expect(minuteOf(61_000)).toBe(60_000)
        }
      )
    )
  })
})
