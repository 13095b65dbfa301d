import { Select, Text } from "@medusajs/ui"
import { LinesChart } from "../charts"
import { ReportTable } from "../report-table"
import { INTERVALS, PALETTE, formatCount, formatMoney, formatMoneyShort, perInterval, revenueCharts, revenueTable } from "../../lib/tier-analytics"
import type { ReportInterval, RevenueReport } from "../../../contract/admin"

/** The revenue report's period: per day, week or month. */
export function IntervalSelect({ value, onChange }: { value: ReportInterval; onChange: (interval: ReportInterval) => void }) {
  return (
    <div className="w-36">
      <Select value={value} onValueChange={(v) => onChange(v as ReportInterval)}>
        <Select.Trigger aria-label="Period" data-testid="revenue-interval">
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          {INTERVALS.map((i) => (
            <Select.Item key={i.value} value={i.value}>
              {i.label}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
    </div>
  )
}

export function RevenueSection({ report, colors }: { report: RevenueReport; colors: Map<string, string> }) {
  const charts = revenueCharts(report, colors)
  const rows = revenueTable(report)
  const per = perInterval(report.interval)
  return (
    <>
      {charts.map((chart) => (
        <div key={chart.currency} className="flex flex-col gap-y-2 px-6 py-4">
          <Text size="small" weight="plus">
            Revenue {per} ({chart.currency.toUpperCase()})
          </Text>
          <LinesChart
            label={`Revenue ${per} by segment in ${chart.currency.toUpperCase()}`}
            testId={`revenue-chart-${chart.currency}`}
            data={chart.data}
            series={chart.series}
            format={(n) => formatMoneyShort(n, chart.currency)}
            formatValue={(n) => formatMoney(n, chart.currency)}
          />
        </div>
      ))}
      <ReportTable
        testId="revenue-table"
        columns={[
          {
            header: "Segment / tier",
            cellClassName: (r) => (r.kind === "tier" ? "pl-10" : undefined),
            cell: (r) => (
              <>
                {r.kind === "segment" && (
                  <span className="mr-2 inline-block size-2 rounded-full" style={{ background: colors.get(r.id) ?? PALETTE[0] }} />
                )}
                {r.name}
              </>
            ),
          },
          { header: "Orders", numeric: true, testId: "revenue-orders", cell: (r) => formatCount(r.orders) },
          { header: "Packages", numeric: true, testId: "revenue-packages", cell: (r) => formatMoney(r.revenue, r.currency_code) },
          { header: "Add-ons", numeric: true, testId: "revenue-addons", cell: (r) => formatMoney(r.addon_revenue, r.currency_code) },
          { header: "Revenue", numeric: true, testId: "revenue-total", cell: (r) => formatMoney(r.total, r.currency_code) },
          { header: "Commission", numeric: true, testId: "revenue-commission", cell: (r) => formatMoney(r.commission, r.currency_code) },
          { header: "Collected", numeric: true, testId: "revenue-collected", cell: (r) => formatMoney(r.collected, r.currency_code) },
          { header: "Commission collected", numeric: true, testId: "revenue-commission-collected", cell: (r) => formatMoney(r.commission_collected, r.currency_code) },
        ]}
        rows={rows}
        rowKey={(r) => r.key}
        rowTestId={(r) => `revenue-${r.kind}-${r.id}`}
        rowClassName={(r) => (r.kind === "segment" ? "bg-ui-bg-subtle font-medium" : undefined)}
      />
    </>
  )
}
