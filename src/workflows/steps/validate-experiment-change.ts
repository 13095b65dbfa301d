import { MedusaError } from "@medusajs/framework/utils"
import { createStep } from "@medusajs/framework/workflows-sdk"
import { UPSELL_MODULE, UpsellModuleService } from "../../modules/upsell"

export type ExperimentChange = {
  id?: string
  key?: string
  variants?: unknown
  rule_ids?: string[]
  status?: "draft" | "running" | "stopped"
}

const NEXT: Record<string, string[]> = { draft: ["running"], running: ["stopped"], stopped: [] }

/**
 * Keys are unique; a running or stopped experiment's key, variants and rules are
 * frozen, so its results always describe one design; status only moves
 * draft -> running -> stopped.
 */
export const validateExperimentChangeStep = createStep(
  "validate-experiment-change",
  async (change: ExperimentChange, { container }) => {
    const service: UpsellModuleService = container.resolve(UPSELL_MODULE)
    const current = change.id ? await service.retrieveExperiment(change.id) : null
    if (change.key && change.key !== current?.key) {
      const [taken] = await service.listExperiments({ key: change.key }, { select: ["id"] })
      if (taken) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Experiment key "${change.key}" is already used`)
      }
    }
    if (change.rule_ids?.length) {
      const found = new Set((await service.listUpsellRules({ id: change.rule_ids }, { select: ["id"] })).map((r) => r.id))
      const unknown = change.rule_ids.filter((id) => !found.has(id))
      if (unknown.length) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown upsell rule(s): ${unknown.join(", ")}`)
      }
    }
    if (!current) {
      return
    }
    const frozen = change.variants !== undefined || change.key !== undefined || change.rule_ids !== undefined
    if (current.status !== "draft" && frozen) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Experiment ${current.key} is ${current.status}: its key, variants and rules cannot change; stop it and start a new one`
      )
    }
    if (change.status && change.status !== current.status && !NEXT[current.status].includes(change.status)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Experiment ${current.key} cannot go from ${current.status} to ${change.status}`
      )
    }
  }
)
