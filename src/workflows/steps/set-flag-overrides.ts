import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { FlagOverrides, Flags } from "../../lib/flags"
import { UPSELL_MODULE, UpsellModuleService } from "../../modules/upsell"

export type SetFlagOverridesInput = {
  set?: FlagOverrides
  /** Keys that go back to their plugin-option default; none given = all. */
  reset?: (keyof Flags)[] | "all"
}

/** Writes the merchant's overrides into the single settings row (created on first use). */
export const setFlagOverridesStep = createStep(
  "set-flag-overrides",
  async (input: SetFlagOverridesInput, { container }) => {
    const allowlist = input.set?.tenant_allowlist
    if (allowlist?.length) {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "sales_channel", fields: ["id"], filters: { id: allowlist } })
      const known = new Set((data as { id: string }[]).map((c) => c.id))
      const unknown = allowlist.filter((id) => !known.has(id))
      if (unknown.length) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown sales channel(s) in tenant_allowlist: ${unknown.join(", ")}`)
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
    return new StepResponse(next, { created: created.id, previous: row ? { id: row.id, overrides: before } : null })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: UpsellModuleService = container.resolve(UPSELL_MODULE)
    await service.deleteFlagSettings(undo.created)
    if (undo.previous) {
      await service.createFlagSettings(undo.previous)
    }
  }
)
