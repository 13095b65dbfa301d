import { changeActor, changeText, guardrailChart, guardrailValueText, requestChart, sampleText, stageText, thresholdText } from "../rollout"
import type { GuardrailResult } from "../../../contract/admin"

const result = (over: Partial<GuardrailResult>): GuardrailResult => ({ name: "error_rate", status: "ok", value: 0.5, threshold: 1, sample: 200, min_sample: 100, ...over })

describe("the Rollout page's words", () => {
  it("reads a stage, a guardrail and a change", () => {
    expect(stageText({ percent: 25, paused: false })).toBe("25% of tenants")
    expect(stageText({ percent: 25, paused: true })).toBe("25% (paused)")
    expect(guardrailValueText(result({}))).toBe("0.5%")
    expect(guardrailValueText(result({ name: "conversion", value: 3.456 }))).toBe("+3.46%")
    expect(guardrailValueText(result({ name: "conversion", value: -12 }))).toBe("-12%")
    expect(guardrailValueText(result({ name: "page_load", value: 3200 }))).toBe("3,200 ms")
    expect(guardrailValueText(result({ value: null }))).toBe("—")
    expect(thresholdText(result({ name: "conversion", threshold: -10 }))).toBe("no lower than -10%")
    expect(thresholdText(result({ name: "page_load", threshold: 3000 }))).toBe("at most 3,000 ms")
    expect(sampleText(result({ sample: 40 }))).toBe("40 of 100 requests")
    expect(changeText({ action: "rollback", from_percent: 25, to_percent: 5 })).toBe("Rolled back 25% → 5%")
    expect(changeText({ action: "pause", from_percent: 25, to_percent: 25 })).toBe("Paused at 25%")
    expect(changeActor({ actor_id: null }, () => "x")).toBe("Guardrails")
    expect(changeActor({ actor_id: "user_1" }, (id) => `name of ${id}`)).toBe("name of user_1")
  })

  it("charts each guardrail as the share of its limit used", () => {
    const { data } = guardrailChart([
      result({ value: 0.5 }),
      result({ name: "conversion", value: -15, threshold: -10 }),
      result({ name: "page_load", value: null, threshold: 3000 }),
    ])
    expect(data.map((r) => r.used)).toEqual([50, 150, 0])
    expect(guardrailChart([result({ name: "conversion", value: 8, threshold: -10 })]).data[0].used).toBe(0)
    expect(requestChart([{ minute: "2027-05-03T12:01:00.000Z", requests: 200, errors: 3 }], 1).data).toEqual([{ label: "12:01", error_rate: 1.5, threshold: 1 }])
  })
})
