import { Button, StatusBadge, Text } from "@medusajs/ui"
import { Section } from "../section"
import { GuardrailFigures } from "./guardrail-figures"
import { RolloutHistory } from "./rollout-history"
import type { ChangeKind } from "./change-drawer"
import { FEATURE_LABELS, stageText } from "../../lib/rollout"
import type { RolloutState } from "../../../contract/admin"

/** One feature: its stage and tenants, the actions, the guardrails' figures and the history. */
export function RolloutSection({ state, ladder, onChange }: { state: RolloutState; ladder: number[]; onChange: (kind: ChangeKind) => void }) {
  const breached = state.guardrails.some((g) => g.status === "breached")
  return (
    <Section
      testId={`rollout-${state.feature}`}
      title={FEATURE_LABELS[state.feature]}
      description={`Ladder ${[0, ...ladder].map((p) => `${p}%`).join(" → ")}. ${state.tenants.in_stage} of ${state.tenants.total} tenants have it now (the allowlist and tenant overrides count).`}
      actions={
        <>
          <Button size="small" variant="secondary" disabled={state.next_percent === null} onClick={() => onChange("advance")} data-testid="rollout-advance">
            {state.next_percent === null ? "Advance" : `Advance to ${state.next_percent}%`}
          </Button>
          {state.paused ? (
            <Button size="small" variant="secondary" onClick={() => onChange("resume")} data-testid="rollout-resume">
              Resume
            </Button>
          ) : (
            <Button size="small" variant="secondary" onClick={() => onChange("pause")} data-testid="rollout-pause">
              Pause
            </Button>
          )}
          <Button size="small" variant="secondary" onClick={() => onChange("set")} data-testid="rollout-set">
            Set stage
          </Button>
        </>
      }
    >
      <div className="flex flex-wrap items-center gap-x-3 px-6 py-4">
        <Text size="large" weight="plus" data-testid="rollout-stage">
          {stageText(state)}
        </Text>
        <StatusBadge color={state.paused ? "orange" : breached ? "red" : "green"} data-testid="rollout-health">
          {state.paused ? "Paused: not judged" : breached ? "A guardrail is breached" : "Guardrails hold"}
        </StatusBadge>
      </div>
      <GuardrailFigures state={state} />
      <RolloutHistory feature={state.feature} />
    </Section>
  )
}
