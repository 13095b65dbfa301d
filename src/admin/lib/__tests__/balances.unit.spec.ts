import { chargeText, emptyOfflineForm, isTaken, offlinePaymentBody, paymentLabel, planStatusBadge } from "../balances"

describe("the order's schedule in words", () => {
  it("labels the plan's status and each payment", () => {
    expect(planStatusBadge("overdue")).toEqual({ label: "Overdue", color: "red" })
    expect(planStatusBadge("paid")).toEqual({ label: "Paid", color: "green" })
    expect(planStatusBadge("canceled")).toEqual({ label: "Canceled", color: "grey" })
    const base = { payment_collection_id: "pc_1", amount: 2000, status: "completed", note: null }
    expect(paymentLabel({ ...base, kind: "offline", method: "cheque", reference: "CHQ-1042" })).toBe("Offline · Cheque · CHQ-1042")
    expect(paymentLabel({ ...base, kind: "checkout", method: "pp_system_default", reference: null })).toBe("At checkout · pp_system_default")
    expect(isTaken({ ...base, kind: "session", method: null, reference: null, status: "not_paid" })).toBe(false)
    expect(isTaken({ ...base, kind: "session", method: null, reference: null, status: "authorized" })).toBe(true)
  })

  it("sends the offline form as the API takes it, or says what is missing", () => {
    expect(emptyOfflineForm(7000)).toEqual({ amount: "7000", method: "bank_transfer", reference: "", note: "" })
    expect(offlinePaymentBody({ amount: " 2000 ", method: "cheque", reference: " CHQ-1 ", note: "" })).toEqual({
      body: { amount: 2000, method: "cheque", reference: "CHQ-1" },
    })
    for (const amount of ["", "0", "-3", "abc"]) {
      expect(offlinePaymentBody({ amount, method: "cash", reference: "", note: "" })).toEqual({ problem: "Enter the amount received, more than 0" })
    }
  })
})

describe("chargeText", () => {
  it("names the provider and the attempts, and the flag", () => {
    const charge = { provider_id: "pp_system_default", attempts: 0, last_error: null, last_attempt_at: null, flagged_at: null, reminded_on: null, overdue_on: null }
    expect(chargeText(charge)).toBe("pp_system_default · no attempt yet")
    expect(chargeText({ ...charge, attempts: 1 })).toBe("pp_system_default · 1 failed attempt")
    expect(chargeText({ ...charge, attempts: 4, flagged_at: "2027-06-24T00:00:00.000Z" })).toBe("pp_system_default · 4 failed attempts · flagged: retries spent")
  })
})
