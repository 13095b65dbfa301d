import { Input, Textarea } from "@medusajs/ui"
import { useState } from "react"
import { EditDrawer, Field } from "../form-drawer"
import { FEATURE_LABELS } from "../../lib/rollout"
import type { RolloutChangeRequest } from "../../lib/api"
import type { RolloutFeature, RolloutState } from "../../../contract/admin"

export type ChangeKind = RolloutChangeRequest["action"]

const TITLES: Record<ChangeKind, (s: RolloutState) => string> = {
  advance: (s) => `Advance to ${s.next_percent}%`,
  pause: () => "Pause the rollout",
  resume: (s) => `Resume at ${s.percent}%`,
  set: () => "Set the stage",
}

/** Asks why (kept in the history), and the percent when setting a stage. */
export function ChangeDrawer({ kind, state, submitting, onSubmit, onClose }: {
  kind: ChangeKind
  state: RolloutState
  submitting: boolean
  onSubmit: (change: RolloutChangeRequest) => void
  onClose: () => void
}) {
  const [reason, setReason] = useState("")
  const [percent, setPercent] = useState(String(state.percent))
  const feature: RolloutFeature = state.feature
  const submit = () =>
    onSubmit(kind === "set" ? { feature, action: "set", percent: Number(percent), reason } : { feature, action: kind, reason })
  return (
    <EditDrawer
      title={`${FEATURE_LABELS[feature]}: ${TITLES[kind](state)}`}
      testId="rollout-change-drawer"
      submitLabel={kind === "set" ? "Set stage" : TITLES[kind](state)}
      submitting={submitting}
      onSubmit={submit}
      onClose={onClose}
    >
      {kind === "set" && (
        <Field id="rollout-percent" label="Percent of tenants" hint="0-100, whole. Raising it keeps every tenant already in.">
          <Input id="rollout-percent" type="number" min={0} max={100} step={1} value={percent} onChange={(e) => setPercent(e.target.value)} />
        </Field>
      )}
      <Field id="rollout-reason" label="Reason" hint="Kept in the history with your name.">
        <Textarea id="rollout-reason" value={reason} onChange={(e) => setReason(e.target.value)} rows={3} maxLength={500} />
      </Field>
    </EditDrawer>
  )
}
