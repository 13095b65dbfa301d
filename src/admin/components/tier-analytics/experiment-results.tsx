import { Badge, StatusBadge, Text } from "@medusajs/ui"
import { BarsChart } from "../charts"
import { ReportTable } from "../report-table"
import { STATUS_LABELS } from "../../lib/experiments"
import {
  PALETTE,
  conversionInterval,
  experimentChart,
  experimentVerdict,
  formatCount,
  formatMoney,
  formatRate,
  revenueDifference,
  splitCheck,
  variantShare,
} from "../../lib/tier-analytics"
import type { ExperimentResult } from "../../../contract/admin"

/** One experiment over its whole run: the split check, the verdict in words, each variant against the control. */
export function ExperimentResults({ experiment }: { experiment: ExperimentResult }) {
  const status = STATUS_LABELS[experiment.status]
  const hasVisitors = experiment.variants.some((v) => v.visitors > 0)
  const split = splitCheck(experiment.srm)
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
        <Badge size="2xsmall" color={split.color} data-testid="experiment-srm">
          {split.label}
        </Badge>
      </div>
      <Text size="small" data-testid="experiment-verdict" className={experiment.srm.flagged ? "text-ui-fg-error" : undefined}>
        {experiment.verdict}
      </Text>
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
          { header: "Share (configured)", numeric: true, testId: "variant-share", cell: (v) => variantShare(experiment.srm, v.key) },
          { header: "Conversions", numeric: true, testId: "variant-conversions", cell: (v) => formatCount(v.conversions) },
          { header: "Conversion rate", numeric: true, testId: "variant-rate", cell: (v) => formatRate(v.conversion_rate) },
          {
            header: "Revenue per visitor",
            numeric: true,
            testId: "variant-rpv",
            cell: (v) => (v.revenue_per_visitor === null ? "—" : formatMoney(v.revenue_per_visitor, experiment.currency_code)),
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
          { header: "Conversion vs control, 95% always-valid", numeric: true, testId: "variant-interval", cell: (v) => conversionInterval(v.sequential) },
          {
            header: "Revenue per visitor vs control",
            numeric: true,
            testId: "variant-revenue-difference",
            cell: (v) => revenueDifference(v.revenue_difference, experiment.currency_code),
          },
        ]}
        rows={experiment.variants}
        rowKey={(v) => v.key}
        rowTestId={(v) => `variant-row-${v.key}`}
      />
    </div>
  )
}
