import { Badge, StatusBadge, Text } from "@medusajs/ui"
import { BarsChart } from "../charts"
import { ReportTable } from "../report-table"
import { STATUS_LABELS } from "../../lib/experiments"
import { PALETTE, experimentChart, experimentVerdict, formatCount, formatMoney, formatRate } from "../../lib/tier-analytics"
import type { ExperimentResult } from "../../../contract/admin"

/** One experiment over its whole run: each variant against the control. */
export function ExperimentResults({ experiment }: { experiment: ExperimentResult }) {
  const status = STATUS_LABELS[experiment.status]
  const hasVisitors = experiment.variants.some((v) => v.visitors > 0)
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid={`experiment-${experiment.key}`}>
      <div className="flex items-center gap-x-2">
        <Text size="small" weight="plus">
          {experiment.name}
        </Text>
        <Text size="small" className="text-ui-fg-subtle">
          {experiment.key}
        </Text>
        <StatusBadge color={status.color}>{status.label}</StatusBadge>
      </div>
      {hasVisitors && (
        <BarsChart
          label={`Conversion rate per variant of ${experiment.name}`}
          testId={`experiment-chart-${experiment.key}`}
          data={experimentChart(experiment.variants)}
          series={[{ key: "conversion_rate", name: "Conversion rate", color: PALETTE[1] }]}
          format={(n) => `${n}%`}
          across
        />
      )}
      <ReportTable
        columns={[
          { header: "Variant", cell: (v) => v.key },
          { header: "Visitors", numeric: true, testId: "variant-visitors", cell: (v) => formatCount(v.visitors) },
          { header: "Conversions", numeric: true, testId: "variant-conversions", cell: (v) => formatCount(v.conversions) },
          { header: "Conversion rate", numeric: true, testId: "variant-rate", cell: (v) => formatRate(v.conversion_rate) },
          {
            header: "Revenue per visitor",
            numeric: true,
            testId: "variant-rpv",
            cell: (v) => (v.revenue_per_visitor === null ? "—" : formatMoney(v.revenue_per_visitor, null)),
          },
          {
            header: "Against the control",
            cell: (v, i) => {
              const verdict = experimentVerdict(v, i)
              return (
                <Badge size="2xsmall" color={verdict.color} data-testid="variant-verdict">
                  {verdict.label}
                </Badge>
              )
            },
          },
        ]}
        rows={experiment.variants}
        rowKey={(v) => v.key}
        rowTestId={(v) => `variant-row-${v.key}`}
      />
    </div>
  )
}
