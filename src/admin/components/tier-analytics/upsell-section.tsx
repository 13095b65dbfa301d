import { Badge } from "@medusajs/ui"
import { BarsChart } from "../charts"
import { ReportTable } from "../report-table"
import { PALETTE, formatCount, formatMoney, formatRate, upsellChart } from "../../lib/tier-analytics"
import type { UpsellReport } from "../../../contract/admin"
import { actionLabel } from "../../lib/upsell-rules"

export function UpsellSection({ report }: { report: UpsellReport }) {
  return (
    <>
      <div className="px-6 py-4">
        <BarsChart
          label="Offers shown and accepted per upsell rule"
          testId="upsell-chart"
          data={upsellChart(report.rules)}
          series={[
            { key: "shown", name: "Shown", color: PALETTE[5] },
            { key: "accepted", name: "Accepted", color: PALETTE[3] },
          ]}
          across
        />
      </div>
      <ReportTable
        testId="upsell-table"
        columns={[
          {
            header: "Rule",
            cell: (r) => (
              <span className="flex items-center gap-x-2">
                {r.rule_name}
                {r.action && <Badge size="2xsmall">{actionLabel(r.action)}</Badge>}
              </span>
            ),
          },
          { header: "Shown", numeric: true, testId: "upsell-shown", cell: (r) => formatCount(r.shown) },
          { header: "Accepted", numeric: true, testId: "upsell-accepted", cell: (r) => formatCount(r.accepted) },
          { header: "Declined", numeric: true, testId: "upsell-declined", cell: (r) => formatCount(r.declined) },
          { header: "Acceptance", numeric: true, testId: "upsell-rate", cell: (r) => formatRate(r.acceptance_rate) },
          { header: "Orders", numeric: true, testId: "upsell-orders", cell: (r) => formatCount(r.orders) },
          { header: "Revenue", numeric: true, testId: "upsell-revenue", cell: (r) => formatMoney(r.revenue, r.currency_code) },
        ]}
        rows={report.rules}
        rowKey={(r) => r.rule_id}
        rowTestId={(r) => `upsell-row-${r.rule_id}`}
      />
    </>
  )
}
