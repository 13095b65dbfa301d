import { connectStage, formatPercent, onboardingAction, overrideChanges, overrideInput, requirementsText, statusAsOf } from "../payouts"
import type { CommissionRate, ConnectedAccount } from "../../../contract/admin"

const rate = (segment_id: string, segment_percent: number, override_percent: number | null): CommissionRate => ({
  segment_id,
  segment_handle: segment_id,
  segment_name: `Segment ${segment_id}`,
  segment_percent,
  override_percent,
  effective_percent: override_percent ?? segment_percent,
})
const rates = [rate("essential", 8, null), rate("signature", 10, 12.5)]

const account = (fields: Partial<ConnectedAccount> = {}): ConnectedAccount => ({
  id: "sca_1",
  sales_channel_id: "sc_1",
  stripe_account_id: "acct_1",
  details_submitted: false,
  charges_enabled: false,
  payouts_enabled: false,
  requirements_due: [],
  status_updated_at: null,
  status_as_of: null,
  can_take_payments: false,
  ...fields,
})
const on = (fields?: Partial<ConnectedAccount>) => ({ configured: true, account: account(fields) })

describe("commission overrides", () => {
  it("shows a percent without trailing zeros", () => {
    expect(formatPercent(10, "en-US")).toBe("10%")
    expect(formatPercent(12.5, "en-US")).toBe("12.5%")
    expect(formatPercent(0, "en-US")).toBe("0%")
  })

  it("fills the input with the tenant's own percent only", () => {
    expect(rates.map(overrideInput)).toEqual(["", "12.5"])
  })

  it("sends only what changed: a new override, or null to go back to the segment's rate", () => {
    expect(overrideChanges(rates, {})).toEqual({ changes: [] })
    expect(overrideChanges(rates, { essential: "", signature: "12.5" })).toEqual({ changes: [] })
    expect(overrideChanges(rates, { essential: " 9 ", signature: "12.50" })).toEqual({ changes: [{ segment_id: "essential", percent: 9 }] })
    expect(overrideChanges(rates, { essential: "0", signature: "" })).toEqual({
      changes: [
        { segment_id: "essential", percent: 0 },
        { segment_id: "signature", percent: null },
      ],
    })
  })

  it("leaves the range to the API but refuses text that JSON would turn into a clearing null", () => {
    expect(overrideChanges(rates, { essential: "150" })).toEqual({ changes: [{ segment_id: "essential", percent: 150 }] })
    expect(overrideChanges(rates, { signature: "ten" })).toEqual({ problem: "Segment signature: enter a percent, or leave it empty for the segment's rate." })
    expect("problem" in overrideChanges(rates, { essential: "Infinity" })).toBe(true)
  })
})

describe("Stripe Connect status", () => {
  it("follows the account from nothing to payouts", () => {
    expect(connectStage({ configured: true, account: null })).toBe("not_set_up")
    expect(connectStage(on())).toBe("onboarding")
    expect(connectStage(on({ details_submitted: true }))).toBe("details_submitted")
    expect(connectStage(on({ details_submitted: true, charges_enabled: true }))).toBe("charges_enabled")
    expect(connectStage(on({ details_submitted: true, charges_enabled: true, payouts_enabled: true }))).toBe("payouts_enabled")
  })

  it("is off when the server has no Connect settings, whatever is stored", () => {
    expect(connectStage({ configured: false, account: null })).toBe("off")
    expect(connectStage({ configured: false, account: account({ charges_enabled: true }) })).toBe("off")
    expect(onboardingAction({ configured: false, account: null })).toBeNull()
  })

  it("offers onboarding until Stripe has the details and nothing is due", () => {
    expect(onboardingAction({ configured: true, account: null })).toBe("Connect with Stripe")
    expect(onboardingAction(on())).toBe("Continue onboarding")
    expect(onboardingAction(on({ details_submitted: true, charges_enabled: true, requirements_due: ["external_account"] }))).toBe("Continue onboarding")
    expect(onboardingAction(on({ details_submitted: true }))).toBeNull()
    expect(onboardingAction(on({ details_submitted: true, charges_enabled: true, payouts_enabled: true }))).toBeNull()
  })

  it("words Stripe's requirement codes, each once", () => {
    expect(requirementsText(["external_account", "tos_acceptance.date", "tos_acceptance.ip", "individual.verification.document"])).toEqual([
      "Bank account for payouts",
      "Acceptance of Stripe's terms",
      "Individual verification document",
    ])
    expect(requirementsText([])).toEqual([])
  })
})

describe("status time", () => {
  it("shows when Stripe last told us, or that it has not", () => {
    expect(statusAsOf(null)).toBe("Not heard from Stripe yet")
    expect(statusAsOf("2027-03-04T15:06:00.000Z", "en-US")).toMatch(/^Mar 4, 2027, \d{1,2}:06\s?[AP]M$/)
  })
})
