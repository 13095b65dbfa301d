import type { TierFlagKey, TierFlags, TierFlagsState } from "../../contract/admin"

/** The flags in the merchant's words, and whether each follows the plugin options or a runtime change. */

export const FLAGS: { key: TierFlagKey; label: string; description: string }[] = [
  { key: "segments", label: "Tiered catalog", description: "Segments, tiers and tier carts on the storefronts. Off, storefronts see no segments and upsell is off too." },
  { key: "upsell", label: "Upsell offers", description: "Offers from the upsell rules and experiments." },
  {
    key: "upsell_rollout_percent",
    label: "Upsell rollout",
    description:
      "Share of tenants whose visitors get offers: the upsell's rollout stage. A tenant stays in while the share rises; the Rollout page keeps each change and watches the guardrails.",
  },
  { key: "tenant_allowlist", label: "Tenants", description: "Sales channels the plugin runs for." },
]

export const isOverridden = (state: TierFlagsState, key: TierFlagKey) => state.overrides[key] !== undefined

export function flagValueText<K extends TierFlagKey>(key: K, value: TierFlags[K], channelName: (id: string) => string): string {
  if (key === "upsell_rollout_percent" || key === "tiered_catalog_rollout_percent") return `${value}%`
  if (key === "tenant_allowlist") {
    const ids = value as TierFlags["tenant_allowlist"]
    if (ids === null) return "Every tenant"
    return ids.length ? `Only ${ids.map(channelName).join(", ")}` : "No tenant"
  }
  return value ? "On" : "Off"
}

/** The allowlist as the form holds it: "every tenant", or a list (possibly empty). */
export type AllowlistForm = { every: boolean; ids: string[] }

export const allowlistForm = (list: string[] | null): AllowlistForm => ({ every: list === null, ids: list ?? [] })

export const allowlistValue = (form: AllowlistForm): string[] | null => (form.every ? null : form.ids)
