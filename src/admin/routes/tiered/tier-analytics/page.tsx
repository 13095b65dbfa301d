import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChartBar } from "@medusajs/icons"
import { Container, Input, Text } from "@medusajs/ui"
import { useState } from "react"
import { Field } from "../../../components/form-drawer"
import { PageHeader } from "../../../components/page-header"
import { Section } from "../../../components/section"
import { TenantSelect } from "../../../components/tenant-select"
import { CsvButton } from "../../../components/tier-analytics/csv-button"
import { ExperimentResults } from "../../../components/tier-analytics/experiment-results"
import { FunnelSection } from "../../../components/tier-analytics/funnel-section"
import { ReportBody } from "../../../components/tier-analytics/report-body"
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
import { ALL_TENANTS, EMPTY_REPORT, defaultRange, rangeProblem, reportQuery, segmentColors } from "../../../lib/tier-analytics"
import type { ReportInterval } from "../../../../contract/admin"

// A report over an invalid range is not asked for: its body says to choose a valid one.
const NOT_ASKED = { isLoading: false, error: null }

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

      <Section
        title="Funnel by segment"
        description="Segment selected → tier viewed → tier compared → checkout started → order."
        testId="funnel-section"
        actions={<CsvButton report="funnel" query={query} disabled={!!problem} />}
      >
        <ReportBody state={problem ? NOT_ASKED : funnel} noun="funnel" empty={EMPTY_REPORT.funnel}>
          {(r) => <FunnelSection report={r} colors={colors} />}
        </ReportBody>
      </Section>

      <Section
        title="Revenue and commission"
        description="Orders net of cancellations and refunds, by segment and tier, in each order's currency."
        testId="revenue-section"
        actions={
          <>
            <IntervalSelect value={interval} onChange={setPeriodInterval} />
            <CsvButton report="revenue" query={revenueQuery} disabled={!!problem} />
          </>
        }
      >
        <ReportBody state={problem ? NOT_ASKED : revenue} noun="revenue" empty={EMPTY_REPORT.revenue}>
          {(r) => <RevenueSection report={r} colors={colors} />}
        </ReportBody>
      </Section>

      <Section
        title="Tier popularity"
        description="Orders per tier, next to the visitors who viewed it."
        testId="tiers-section"
        actions={<CsvButton report="tiers" query={query} disabled={!!problem} />}
      >
        <ReportBody state={problem ? NOT_ASKED : tiers} noun="tier popularity" empty={EMPTY_REPORT.tiers}>
          {(r) => <TierSection report={r} />}
        </ReportBody>
      </Section>

      <Section
        title="Upsell"
        description="Offers each rule showed, how many visitors accepted, and the orders that took one."
        testId="upsell-section"
        actions={<CsvButton report="upsell" query={query} disabled={!!problem} />}
      >
        <ReportBody state={problem ? NOT_ASKED : upsell} noun="upsell results" empty={EMPTY_REPORT.upsell}>
          {(r) => <UpsellSection report={r} />}
        </ReportBody>
      </Section>

      <Section
        title="Experiments"
        description="Each running or stopped experiment over its whole run (the dates above do not apply). A comparison needs 100 visitors and 10 orders in each variant."
        testId="experiments-section"
        actions={<CsvButton report="experiments" query={tenantOnly} />}
      >
        <ReportBody state={experiments} noun="experiment results" empty={EMPTY_REPORT.experiments}>
          {(r) => (
            <div className="divide-y">
              {r.experiments.map((e) => (
                <ExperimentResults key={e.experiment_id} experiment={e} />
              ))}
            </div>
          )}
        </ReportBody>
      </Section>
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Tier analytics",
  icon: ChartBar,
  rank: 6,
})

export default TierAnalyticsPage
