import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { effectiveFlags, FlagOverrides, Flags, ROLLOUT_PERCENT_KEY } from "../../lib/flags"
import { ROLLOUT_FEATURES } from "../../lib/rollout"
import { UPSELL_MODULE, UpsellModuleService } from "../../modules/upsell"

export type SetFlagOverridesInput = {
  set?: FlagOverrides
  /** Keys that go back to their plugin-option default; none given = all. */
  reset?: (keyof Flags)[] | "all"
  /** The admin: a rollout stage moved here is kept in its history with them. */
  actor_id?: string | null
}

/** The history rows of the rollout stages a change of the flags moved (set here, not through the rollout routes). */
function stageChanges(defaults: Flags, before: FlagOverrides, after: FlagOverrides, actorId: string | null) {
  const [from, to] = [effectiveFlags(defaults, before), effectiveFlags(defaults, after)]
  return ROLLOUT_FEATURES.flatMap((feature) => {
    const key = ROLLOUT_PERCENT_KEY[feature]
    const [wasPaused, isPaused] = [from.rollout_paused.includes(feature), to.rollout_paused.includes(feature)]
    if (from[key] === to[key] && wasPaused === isPaused) return []
    return [{
      feature,
      action: "set" as const,
      from_percent: from[key],
      to_percent: to[key],
      from_paused: wasPaused,
      to_paused: isPaused,
      reason: "Set on the tier flags",
      actor_id: actorId,
    }]
  })
}

/** Writes the merchant's overrides into the single settings row (created on first use). */
export const setFlagOverridesStep = createStep(
  "set-flag-overrides",
  async (input: SetFlagOverridesInput, { container }) => {
    const allowlist = [...(input.set?.tenant_allowlist ?? []), ...Object.keys(input.set?.tenant_overrides ?? {})]
    if (allowlist.length) {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "sales_channel", fields: ["id"], filters: { id: allowlist } })
      const known = new Set((data as { id: string }[]).map((c) => c.id))
      const unknown = allowlist.filter((id) => !known.has(id))
      if (unknown.length) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown sales channel(s) in tenant_allowlist or tenant_overrides: ${unknown.join(", ")}`)
      }
    }
    const service: UpsellModuleService = container.resolve(UPSELL_MODULE)
    const [row] = await service.listFlagSettings({}, { take: 1, order: { created_at: "ASC" } })
    const before = (row?.overrides as FlagOverrides | undefined) ?? {}
    const next: FlagOverrides = input.reset === "all" ? {} : { ...before }
    for (const key of input.reset === "all" ? [] : input.reset ?? []) {
      delete next[key]
    }
    Object.assign(next, input.set ?? {})
    // A JSON update merges keys into the stored object, so a reset key would survive it: replace the row.
    if (row) {
      await service.deleteFlagSettings(row.id)
    }
    const created = await service.createFlagSettings({ overrides: next })
    const recorded = await service.createRolloutChanges(stageChanges((await service.getSettings()).flags, before, next, input.actor_id ?? null))
    return new StepResponse(next, { created: created.id, previous: row ? { id: row.id, overrides: before } : null, changes: recorded.map((c) => c.id) })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: UpsellModuleService = container.resolve(UPSELL_MODULE)
    await service.deleteRolloutChanges(undo.changes)
    await service.deleteFlagSettings(undo.created)
    if (undo.previous) {
      await service.createFlagSettings(undo.previous)
    }
  }
)
