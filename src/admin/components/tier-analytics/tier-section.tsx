import { BarsChart } from "../charts"
import { ReportTable } from "../report-table"
import { PALETTE, formatCount, formatMoney, formatRate, rateOf, tierChart, tierLabel } from "../../lib/tier-analytics"
import type { TierReport } from "../../../contract/admin"

export function TierSection({ report }: { report: TierReport }) {
  return (
    <>
      <div className="px-6 py-4">
        <BarsChart
          label="Orders and views per tier"
          testId="tiers-chart"
          data={tierChart(report.tiers)}
          series={[
            { key: "orders", name: "Orders", color: PALETTE[0] },
            { key: "views", name: "Visitors who viewed", color: PALETTE[5] },
          ]}
          across
        />
      </div>
      <ReportTable
        testId="tiers-table"
        columns={[
          {
            header: "Tier",
            cell: (t) => (
              <>
                {tierLabel(t)}
                {t.level !== null && <span className="text-ui-fg-subtle"> · level {t.level}</span>}
              </>
            ),
          },
          { header: "Views", numeric: true, testId: "tier-views", cell: (t) => formatCount(t.views) },
          { header: "Orders", numeric: true, testId: "tier-orders", cell: (t) => formatCount(t.orders) },
          { header: "Orders per view", numeric: true, testId: "tier-order-rate", cell: (t) => formatRate(rateOf(t.orders, t.views)) },
          { header: "Revenue", numeric: true, testId: "tier-revenue", cell: (t) => formatMoney(t.revenue + t.addon_revenue, t.currency_code) },
          { header: "Commission", numeric: true, testId: "tier-commission", cell: (t) => formatMoney(t.commission, t.currency_code) },
        ]}
        rows={report.tiers}
        rowKey={(t) => t.tier_id}
        rowTestId={(t) => `tier-row-${t.tier_id}`}
      />
    </>
  )
}
