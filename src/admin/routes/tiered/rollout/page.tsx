import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowPath } from "@medusajs/icons"
import { Container } from "@medusajs/ui"
import { useState } from "react"
import { Message } from "../../../components/message"
import { PageHeader } from "../../../components/page-header"
import { ChangeDrawer, type ChangeKind } from "../../../components/rollout/change-drawer"
import { RolloutSection } from "../../../components/rollout/rollout-section"
import { changeRollout } from "../../../lib/api"
import { errorMessage } from "../../../lib/form-values"
import { changeText } from "../../../lib/rollout"
import { useAdminMutation, useErrorToast, useRollouts } from "../../../lib/queries"
import type { RolloutFeature } from "../../../../contract/admin"

const RolloutPage = () => {
  const rollouts = useRollouts()
  const [asking, setAsking] = useState<{ feature: RolloutFeature; kind: ChangeKind } | null>(null)
  const change = useAdminMutation(changeRollout, (result) => changeText(result.change))
  useErrorToast("The rollouts could not be loaded", rollouts.error)
  const state = asking && rollouts.data?.rollouts.find((r) => r.feature === asking.feature)
  const { guardrails } = rollouts.data?.settings ?? {}

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="p-0">
        <PageHeader
          title="Rollout"
          description={
            guardrails
              ? `Each feature reaches a share of tenants, stage by stage. Every ${guardrails.window_minutes} minutes' window is checked every five minutes; a breached guardrail takes the feature one stage back on its own.`
              : "Each feature reaches a share of tenants, stage by stage, and steps back on its own when a guardrail breaks."
          }
        />
        {rollouts.isLoading && <Message>Loading the rollouts…</Message>}
        {rollouts.isError && <Message>The rollouts could not be loaded: {errorMessage(rollouts.error)}</Message>}
      </Container>
      {rollouts.data?.rollouts.map((r) => (
        <RolloutSection key={r.feature} state={r} ladder={rollouts.data.settings.ladder} onChange={(kind) => setAsking({ feature: r.feature, kind })} />
      ))}
      {asking && state && (
        <ChangeDrawer
          kind={asking.kind}
          state={state}
          submitting={change.isPending}
          onSubmit={(request) => change.mutate(request, { onSuccess: () => setAsking(null) })}
          onClose={() => setAsking(null)}
        />
      )}
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Rollout",
  icon: ArrowPath,
  rank: 9,
})

export default RolloutPage
