import { depositFormValues, depositPayload, describeDeposit } from "../deposits"

describe("deposit form", () => {
  it("turns a row into the API's body", () => {
    const values = { ...depositFormValues(null), value: "30" }
    expect(depositPayload(values, null)).toEqual({
      payload: { segment_id: null, kind: "percent", value: 30, currency_code: null, balance_due_days: 30, deposit_refundable: false, balance_refundable_days: 30, instalments: 1 },
    })
    expect(depositPayload({ ...values, instalments: "3" }, null)).toEqual({ payload: expect.objectContaining({ instalments: 3 }) })
    // A segment's override carries no count: the tenant's default decides.
    expect("instalments" in (depositPayload({ ...values, instalments: "3" }, "seg_1") as { payload: object }).payload).toBe(false)
    expect(depositPayload({ ...values, kind: "fixed", value: "1500", currency_code: "usd" }, "seg_1")).toEqual({
      payload: expect.objectContaining({ segment_id: "seg_1", kind: "fixed", value: 1500, currency_code: "usd" }),
    })
  })

  it("refuses text that is no number instead of sending it", () => {
    expect(depositPayload({ ...depositFormValues(null), value: "" }, null)).toEqual({ problem: "Enter the deposit's percent." })
    expect(depositPayload({ ...depositFormValues(null), value: "30", balance_due_days: "soon" }, null)).toEqual({ problem: expect.stringMatching(/balance is due/) })
  })

  it("reads a stored policy back", () => {
    const policy = { id: "dpol_1", sales_channel_id: "sc_1", segment_id: null, kind: "fixed" as const, value: 1500, currency_code: "usd", balance_due_days: 60, deposit_refundable: true, balance_refundable_days: 45, instalments: 3 }
    expect(depositFormValues(policy)).toEqual({ kind: "fixed", value: "1500", currency_code: "USD", balance_due_days: "60", deposit_refundable: true, balance_refundable_days: "45", instalments: "3" })
    expect(describeDeposit(policy)).toBe("1500 USD at checkout, balance in 3 payments, 60 days before the event")
    expect(describeDeposit({ ...policy, instalments: 1 })).toBe("1500 USD at checkout, balance 60 days before the event")
    expect(describeDeposit(null)).toBe("Paid in full at checkout")
  })
})
