import { StatusBadge, Text } from "@medusajs/ui"
import { BarsChart, LinesChart } from "../charts"
import { ReportTable } from "../report-table"
import {
  GUARDRAIL_LABELS,
  guardrailChart,
  guardrailValueText,
  requestChart,
  sampleText,
  STATUS_TEXT,
  thresholdText,
} from "../../lib/rollout"
import type { GuardrailResult, RolloutState } from "../../../contract/admin"

/** Each guardrail's figure against its threshold (a table and a chart), and the stage's 5xx rate per minute. */
export function GuardrailFigures({ state }: { state: RolloutState }) {
  const figures = guardrailChart(state.guardrails)
  const errorRate = state.guardrails.find((g) => g.name === "error_rate")
  const requests = requestChart(state.requests, errorRate?.threshold ?? 1)
  const testId = `guardrails-${state.feature}`
  return (
    <div className="flex flex-col gap-y-4 px-6 py-4">
      <Text size="small" className="text-ui-fg-subtle">
        Over {windowText(state.window)}, the stage's tenants only.
      </Text>
      <ReportTable<GuardrailResult>
        testId={testId}
        rows={state.guardrails}
        rowKey={(g) => g.name}
        rowTestId={(g) => `guardrail-${g.name}`}
        columns={[
          { header: "Guardrail", cell: (g) => GUARDRAIL_LABELS[g.name] },
          { header: "Now", numeric: true, testId: "guardrail-value", cell: (g) => guardrailValueText(g) },
          { header: "Threshold", cell: (g) => thresholdText(g) },
          { header: "Sample", cell: (g) => sampleText(g) },
          {
            header: "Status",
            cell: (g) => (
              <StatusBadge color={STATUS_TEXT[g.status].color} data-testid="guardrail-status">
                {STATUS_TEXT[g.status].label}
              </StatusBadge>
            ),
          },
        ]}
      />
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        <BarsChart
          label={`${state.feature}: each guardrail's share of its limit`}
          testId={`${testId}-chart`}
          data={figures.data}
          series={figures.series}
          format={(v) => `${v}%`}
          height={220}
        />
        {state.requests.length ? (
          <LinesChart
            label={`${state.feature}: store 5xx rate per minute against the threshold`}
            testId={`${testId}-requests-chart`}
            data={requests.data}
            series={requests.series}
            format={(v) => `${v}%`}
            height={220}
          />
        ) : (
          <Text size="small" className="text-ui-fg-subtle" data-testid={`${testId}-no-requests`}>
            No store requests from the stage's tenants in the window yet.
          </Text>
        )}
      </div>
    </div>
  )
}

const windowText = ({ since, until }: RolloutState["window"]) => {
  const minutes = Math.round((Date.parse(until) - Date.parse(since)) / 60_000)
  return minutes >= 120 ? `the last ${Math.round(minutes / 60)} hours` : `the last ${minutes} minutes`
}

