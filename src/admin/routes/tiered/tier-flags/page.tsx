import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Adjustments } from "@medusajs/icons"
import { Button, Container, usePrompt } from "@medusajs/ui"
import { useState, type ReactNode } from "react"
import { Message } from "../../../components/message"
import { PageHeader } from "../../../components/page-header"
import { AllowlistControl, BooleanControl, RolloutControl } from "../../../components/tier-flags/flag-controls"
import { FlagRow } from "../../../components/tier-flags/flag-row"
import { resetTierFlags, setTierFlags } from "../../../lib/api"
import { errorMessage } from "../../../lib/form-values"
import { useAdminMutation, useChannelNames, useErrorToast, useTierFlags } from "../../../lib/queries"
import type { TierFlagKey, TierFlags } from "../../../../contract/admin"

const TierFlagsPage = () => {
  const flags = useTierFlags()
  const { list, name: channelName } = useChannelNames()
  const set = useAdminMutation(setTierFlags, "Flags saved")
  const reset = useAdminMutation(resetTierFlags, "Flag reset to its default")
  const resetAll = useAdminMutation(() => resetTierFlags(), "Every flag reset to its default")
  const [resettingKey, setResettingKey] = useState<TierFlagKey | null>(null)
  const prompt = usePrompt()
  useErrorToast("Flags could not be loaded", flags.error)

  const state = flags.data

  const confirmResetAll = async () => {
    const confirmed = await prompt({
      title: "Reset every flag?",
      description: "Every flag goes back to the plugin options' value.",
      confirmText: "Reset",
      cancelText: "Cancel",
      variant: "confirmation",
    })
    if (confirmed) resetAll.mutate(undefined)
  }

  const row = (key: TierFlagKey, control: ReactNode) =>
    state && (
      <FlagRow
        key={key}
        flagKey={key}
        state={state}
        channelName={channelName}
        resetting={reset.isPending && resettingKey === key}
        onReset={() => {
          setResettingKey(key)
          reset.mutate(key)
        }}
      >
        {control}
      </FlagRow>
    )

  const controls = state && { state, set: (change: Partial<TierFlags>) => set.mutate(change), saving: set.isPending, channels: list }
  // Remounted on every server answer, so a reset shows the default in the inputs.
  const version = JSON.stringify(state?.flags)

  return (
    <Container className="divide-y p-0">
      <PageHeader
        title="Tier flags"
        description="Switch the storefront features at runtime. Defaults come from the plugin options; a change here applies at once."
      >
        <Button
          size="small"
          variant="secondary"
          disabled={!state || Object.keys(state.overrides).length === 0}
          isLoading={resetAll.isPending}
          onClick={confirmResetAll}
          data-testid="reset-all-flags"
        >
          Reset all to defaults
        </Button>
      </PageHeader>
      {flags.isLoading && <Message>Loading flags…</Message>}
      {flags.isError && <Message>Flags could not be loaded: {errorMessage(flags.error)}</Message>}
      {controls && (
        <>
          {row("segments", <BooleanControl {...controls} flagKey="segments" label="Tiered catalog on" />)}
          {row("upsell", <BooleanControl {...controls} flagKey="upsell" label="Upsell offers on" />)}
          {row("upsell_rollout_percent", <RolloutControl key={version} {...controls} />)}
          {row("tenant_allowlist", <AllowlistControl key={version} {...controls} />)}
        </>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Tier flags",
  icon: Adjustments,
  rank: 8,
})

export default TierFlagsPage
