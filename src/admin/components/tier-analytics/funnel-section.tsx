import { Text } from "@medusajs/ui"
import { BarsChart } from "../charts"
import { Num, ReportTable, type ReportColumn } from "../report-table"
import { FUNNEL_STEPS, STEP_LABELS, formatCount, formatRate, funnelChart, funnelRows, overallConversion, type FunnelRow } from "../../lib/tier-analytics"
import type { FunnelReport } from "../../../contract/admin"

const funnelColumns: ReportColumn<FunnelRow>[] = [
  {
    header: "Segment",
    cell: (r) =>
      r.color ? (
        <span className="flex items-center gap-x-2">
          <span className="size-2 shrink-0 rounded-full" style={{ background: r.color }} />
          {r.name}
        </span>
      ) : (
        r.name
      ),
  },
  ...FUNNEL_STEPS.map((step): ReportColumn<FunnelRow> => ({
    header: STEP_LABELS[step],
    numeric: true,
    cell: (r) => (
      <div className="flex flex-col items-end">
        <Num testId={`funnel-${step}`}>{formatCount(r.steps[step])}</Num>
        {step !== "segment_selected" && (
          <span className="txt-compact-xsmall text-ui-fg-subtle tabular-nums" data-testid={`funnel-rate-${step}`}>
            {formatRate(r.rates[step])}
          </span>
        )}
      </div>
    ),
  })),
  { header: "Selected → order", numeric: true, testId: "funnel-overall", cell: (r) => formatRate(overallConversion(r.steps)) },
]

export function FunnelSection({ report, colors }: { report: FunnelReport; colors: Map<string, string> }) {
  const chart = funnelChart(report, colors)
  return (
    <>
      {report.segments.length > 0 && (
        <div className="px-6 py-4">
          <BarsChart label="Visitors at each funnel step, per segment" testId="funnel-chart" data={chart.data} series={chart.series} />
        </div>
      )}
      <ReportTable
        testId="funnel-table"
        columns={funnelColumns}
        rows={funnelRows(report, colors)}
        rowKey={(r) => r.key}
        rowTestId={(r) => r.testId}
        rowClassName={(r) => (r.color ? undefined : "font-medium")}
      />
      <div className="px-6 py-3">
        <Text size="xsmall" className="text-ui-fg-subtle">
          Distinct visitors at each step, and orders net of cancellations and refunds; the percent under a count is its share of the step before.
          A visitor in two segments counts once in All segments.
        </Text>
      </div>
    </>
  )
}
