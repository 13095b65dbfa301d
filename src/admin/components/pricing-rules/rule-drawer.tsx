import { useState } from "react"
import { EditDrawer } from "../form-drawer"
import { createPricingRule, updatePricingRule } from "../../lib/api"
import { drawerSubmission } from "../../lib/drawer-submit"
import { changedFields } from "../../lib/form-values"
import { ruleFormValues, rulePayload, type PricingRule } from "../../lib/pricing-rules"
import { ALL_SEGMENTS, useAdminMutation, useSegments } from "../../lib/queries"
import { RuleFields } from "./rule-fields"

export type RuleDialog = { kind: "create" } | { kind: "edit"; rule: PricingRule }

export function RuleDrawer({ dialog, onClose }: { dialog: RuleDialog; onClose: () => void }) {
  const { data } = useSegments(ALL_SEGMENTS.limit, ALL_SEGMENTS.offset)
  const editing = dialog.kind === "edit" ? dialog.rule : undefined
  const initial = ruleFormValues(editing)
  const [values, setValues] = useState(initial)
  const create = useAdminMutation(createPricingRule, "Pricing rule created")
  const update = useAdminMutation(updatePricingRule, "Pricing rule saved")

  // The API checks a partial change together with the stored rule.
  const { submit, submitting } = drawerSubmission({
    editingId: editing?.id,
    body: () => rulePayload(values),
    changes: () => changedFields(rulePayload(initial), rulePayload(values)),
    create,
    update,
    onClose,
  })

  return (
    <EditDrawer
      title={editing ? `Edit ${editing.label}` : "Create pricing rule"}
      testId="pricing-rule-drawer"
      onClose={onClose}
      submitLabel={editing ? "Save" : "Create"}
      submitting={submitting}
      onSubmit={submit}
    >
      <RuleFields values={values} onChange={setValues} segments={data?.segments ?? []} />
    </EditDrawer>
  )
}
