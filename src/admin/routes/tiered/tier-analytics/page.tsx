import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChartBar } from "@medusajs/icons"
import { Container, Input, Text } from "@medusajs/ui"
import { useState } from "react"
import { Field } from "../../../components/form-drawer"
import { PageHeader } from "../../../components/page-header"
import { TenantSelect } from "../../../components/tenant-select"
import { ExperimentResults } from "../../../components/tier-analytics/experiment-results"
import { FunnelSection } from "../../../components/tier-analytics/funnel-section"
import { ReportSection } from "../../../components/tier-analytics/report-body"
import { IntervalSelect, RevenueSection } from "../../../components/tier-analytics/revenue-section"
import { TierSection } from "../../../components/tier-analytics/tier-section"
import { UpsellSection } from "../../../components/tier-analytics/upsell-section"
import {
  useErrorToast,
  useExperimentReport,
  useFunnelReport,
  useRevenueReport,
  useTierReport,
  useUpsellReport,
} from "../../../lib/queries"
import { ALL_TENANTS, defaultRange, rangeProblem, reportQuery, segmentColors } from "../../../lib/tier-analytics"
import type { ReportInterval } from "../../../../contract/admin"

const TierAnalyticsPage = () => {
  const [range, setRange] = useState(() => defaultRange())
  const [tenant, setTenant] = useState(ALL_TENANTS)
  const [interval, setPeriodInterval] = useState<ReportInterval>("day")

  const problem = rangeProblem(range.from, range.to)
  const query = reportQuery(range, tenant)
  const tenantOnly = { sales_channel_id: query.sales_channel_id }
  const revenueQuery = { ...query, interval }

  const funnel = useFunnelReport(query, !problem)
  const revenue = useRevenueReport(revenueQuery, !problem)
  const tiers = useTierReport(query, !problem)
  const upsell = useUpsellReport(query, !problem)
  const experiments = useExperimentReport(tenantOnly)
  useErrorToast("The funnel could not be loaded", funnel.error)
  useErrorToast("Revenue could not be loaded", revenue.error)
  useErrorToast("Tier popularity could not be loaded", tiers.error)
  useErrorToast("Upsell results could not be loaded", upsell.error)
  useErrorToast("Experiment results could not be loaded", experiments.error)

  const colors = segmentColors([
    ...(funnel.data?.segments.map((s) => s.segment_id) ?? []),
    ...(revenue.data?.by_segment.map((s) => s.segment_id) ?? []),
  ])

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="p-0">
        <PageHeader
          title="Tier analytics"
          description="The storefront funnel, revenue and commission, tier popularity, upsell and experiment results. Dates are UTC, both days included."
          alignEnd
        >
          <div className="flex flex-wrap items-end gap-3">
            <Field id="analytics-from" label="From">
              <Input id="analytics-from" type="date" value={range.from} max={range.to || undefined} onChange={(e) => setRange({ ...range, from: e.target.value })} />
            </Field>
            <Field id="analytics-to" label="To">
              <Input id="analytics-to" type="date" value={range.to} min={range.from || undefined} onChange={(e) => setRange({ ...range, to: e.target.value })} />
            </Field>
            <div className="w-56">
              <TenantSelect id="analytics-tenant" label="Tenant" value={tenant} onChange={setTenant} all={{ value: ALL_TENANTS, label: "All tenants" }} />
            </div>
          </div>
        </PageHeader>
        {problem && (
          <div className="px-6 pb-4">
            <Text size="small" className="text-ui-fg-error" data-testid="range-problem">
              {problem}
            </Text>
          </div>
        )}
      </Container>

      <ReportSection
        title="Funnel by segment"
        description="Segment selected → tier viewed → tier compared → checkout started → order."
        report="funnel"
        query={query}
        problem={problem}
        state={funnel}
        noun="funnel"
      >
        {(r) => <FunnelSection report={r} colors={colors} />}
      </ReportSection>

      <ReportSection
        title="Revenue and commission"
        description="Orders net of cancellations and refunds, by segment and tier, in each order's currency."
        actions={<IntervalSelect value={interval} onChange={setPeriodInterval} />}
        report="revenue"
        query={revenueQuery}
        problem={problem}
        state={revenue}
        noun="revenue"
      >
        {(r) => <RevenueSection report={r} colors={colors} />}
      </ReportSection>

      <ReportSection
        title="Tier popularity"
        description="Orders per tier, next to the visitors who viewed it."
        report="tiers"
        query={query}
        problem={problem}
        state={tiers}
        noun="tier popularity"
      >
        {(r) => <TierSection report={r} />}
      </ReportSection>

      <ReportSection
        title="Upsell"
        description="Offers each rule showed, how many visitors accepted, and the orders that took one."
        report="upsell"
        query={query}
        problem={problem}
        state={upsell}
        noun="upsell results"
      >
        {(r) => <UpsellSection report={r} />}
      </ReportSection>

      <ReportSection
        title="Experiments"
        description="Each running or stopped experiment over its whole run (the dates above do not apply). The results stay valid however often you read them. A comparison needs 100 visitors and 10 orders in each variant, and a split that does not match the weights is withheld."
        report="experiments"
        query={tenantOnly}
        state={experiments}
        noun="experiment results"
      >
        {(r) => (
          <div className="divide-y">
            {r.experiments.map((e) => (
              <ExperimentResults key={e.experiment_id} experiment={e} />
            ))}
          </div>
        )}
      </ReportSection>
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Tier analytics",
  icon: ChartBar,
  rank: 6,
})

export default TierAnalyticsPage
