import fc from "fast-check"
import { breachReason, DEFAULT_GUARDRAIL_SETTINGS, evaluateGuardrails, GuardrailFigures } from "../guardrails"

const settings = DEFAULT_GUARDRAIL_SETTINGS
const healthy: GuardrailFigures = {
  requests: { requests: 1_000, errors: 5 },
  conversion: { stage: { visitors: 1_000, conversions: 100 }, control: { visitors: 1_000, conversions: 100 }, control_kind: "outside_stage" },
  page_loads: { samples: 500, p75_ms: 2_000 },
}
const status = (figures: GuardrailFigures, s = settings) =>
  Object.fromEntries(evaluateGuardrails(figures, s).results.map((r) => [r.name, r.status]))

describe("evaluateGuardrails", () => {
  it("keeps a healthy stage", () => {
    const verdict = evaluateGuardrails(healthy, settings)
    expect(verdict.rollback).toBe(false)
    expect(status(healthy)).toEqual({ error_rate: "ok", conversion: "ok", page_load: "ok" })
  })

  it("rolls back on each guardrail over its threshold", () => {
    const errors = { ...healthy, requests: { requests: 1_000, errors: 11 } }
    expect(status(errors).error_rate).toBe("breached")
    expect(evaluateGuardrails(errors, settings).rollback).toBe(true)
    const drop = { ...healthy, conversion: { ...healthy.conversion, stage: { visitors: 1_000, conversions: 40 } } }
    expect(status(drop).conversion).toBe("breached")
    const slow = { ...healthy, page_loads: { samples: 500, p75_ms: 3_200 } }
    expect(status(slow).page_load).toBe("breached")
    expect(breachReason(evaluateGuardrails(slow, settings).breached)).toBe(
      "Guardrail breached: page load p75 3200 ms over 3000 ms (500 page loads)"
    )
  })

  it("holds exactly at the thresholds", () => {
    expect(status({ ...healthy, requests: { requests: 1_000, errors: 10 } }).error_rate).toBe("ok")
    expect(status({ ...healthy, page_loads: { samples: 500, p75_ms: 3_000 } }).page_load).toBe("ok")
  })

  it("does not roll back on a drop the always-valid test cannot tell from noise", () => {
    // 20% under the control, but on 100 visitors each: well inside the noise.
    const noisy = { ...healthy, conversion: { ...healthy.conversion, stage: { visitors: 100, conversions: 8 }, control: { visitors: 100, conversions: 10 } } }
    const verdict = evaluateGuardrails(noisy, settings)
    expect(verdict.results[1].value).toBe(-20)
    expect(verdict.results[1].status).toBe("ok")
    expect(verdict.rollback).toBe(false)
  })

  it("never rolls back on less than the minimum sample, however bad the figures", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 60_000 }),
        (minSample, requests, visitors, lcp) => {
          const s = { ...settings, min_sample: Math.max(minSample, 100) }
          const figures: GuardrailFigures = {
            requests: { requests, errors: requests },
            conversion: { stage: { visitors, conversions: 0 }, control: { visitors: 10_000, conversions: 9_000 }, control_kind: "outside_stage" },
            page_loads: { samples: Math.min(visitors, s.min_sample - 1), p75_ms: lcp },
          }
          const verdict = evaluateGuardrails(figures, s)
          expect(verdict.rollback).toBe(false)
          expect(verdict.results.every((r) => r.status === "not_enough_data")).toBe(true)
        }
      )
    )
  })

  it("judges the error rate and page load against their thresholds once the sample is there", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 100_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.double({ min: 0.1, max: 20, noNaN: true }),
        fc.integer({ min: 100, max: 20_000 }),
        (requests, errorShare, lcp, maxRate, maxLcp) => {
          const errors = Math.floor(requests * errorShare)
          const s = { ...settings, max_error_rate_percent: maxRate, max_lcp_p75_ms: maxLcp }
          const [rate, , load] = evaluateGuardrails(
            { ...healthy, requests: { requests, errors }, page_loads: { samples: 100, p75_ms: lcp } },
            s
          ).results
          expect(rate.status).toBe(rate.value! > maxRate ? "breached" : "ok")
          expect(load.status).toBe(lcp > maxLcp ? "breached" : "ok")
        }
      )
    )
  })

  it("never calls a stage converting at least as well as the control a breach", () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 50_000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (visitors, rate, lift) => {
        const control = Math.floor(visitors * rate)
        const stage = Math.min(visitors, control + Math.floor((visitors - control) * lift))
        const figures = { ...healthy, conversion: { stage: { visitors, conversions: stage }, control: { visitors, conversions: control }, control_kind: "same_window_last_week" as const } }
        expect(evaluateGuardrails(figures, settings).results[1].status).not.toBe("breached")
      })
    )
  })
})
