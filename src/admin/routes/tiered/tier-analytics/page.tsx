import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowDownTray, ChartBar } from "@medusajs/icons"
import { Badge, Button, Container, Input, Select, StatusBadge, Text, toast } from "@medusajs/ui"
import { useMutation } from "@tanstack/react-query"
import { useState, type ReactNode } from "react"
import { BarsChart, LinesChart } from "../../../components/charts"
import { Field } from "../../../components/form-drawer"
import { Message } from "../../../components/message"
import { PageHeader } from "../../../components/page-header"
import { Num, ReportTable, type ReportColumn } from "../../../components/report-table"
import { Section } from "../../../components/section"
import { TenantSelect } from "../../../components/tenant-select"
import { getReportCsv } from "../../../lib/api"
import { STATUS_LABELS } from "../../../lib/experiments"
import { errorMessage } from "../../../lib/form-values"
import {
  useErrorToast,
  useExperimentReport,
  useFunnelReport,
  useRevenueReport,
  useTierReport,
  useUpsellReport,
} from "../../../lib/queries"
import {
  ALL_TENANTS,
  FUNNEL_STEPS,
  PALETTE,
  STEP_LABELS,
  defaultRange,
  experimentChart,
  experimentVerdict,
  formatCount,
  formatMoney,
  formatMoneyShort,
  formatRate,
  funnelChart,
  overallConversion,
  rangeProblem,
  rateOf,
  reportQuery,
  revenueCharts,
  revenueTable,
  segmentColors,
  tierChart,
  tierLabel,
  upsellChart,
} from "../../../lib/tier-analytics"
import { actionLabel } from "../../../lib/upsell-rules"
import type {
  AnalyticsReport,
  ExperimentResult,
  FunnelReport,
  FunnelSteps,
  ReportInterval,
  RevenueReport,
  TierReport,
  UpsellReport,
} from "../../../lib/types"

const INTERVALS: { value: ReportInterval; label: string }[] = [
  { value: "day", label: "Per day" },
  { value: "week", label: "Per week" },
  { value: "month", label: "Per month" },
]

function saveFile({ filename, blob }: { filename: string; blob: Blob }) {
  const url = URL.createObjectURL(blob)
  const link = document.createElement("a")
  link.href = url
  link.download = filename
  document.body.appendChild(link)
  link.click()
  link.remove()
  // The browser has taken the file once the click returns; the URL only holds memory.
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

function CsvButton({ report, query, disabled }: { report: AnalyticsReport; query: object; disabled?: boolean }) {
  const download = useMutation({
    mutationFn: () => getReportCsv(report, query),
    onSuccess: saveFile,
    onError: (error) => toast.error("The CSV could not be downloaded", { description: errorMessage(error) }),
  })
  return (
    <Button size="small" variant="secondary" disabled={disabled} isLoading={download.isPending} onClick={() => download.mutate()} data-testid={`export-${report}`}>
      <ArrowDownTray />
      Export CSV
    </Button>
  )
}

/** Loading, the API's error, or the report (or its empty state). */
function ReportBody<T>({ state, noun, empty, children }: {
  state: { data?: T; isLoading: boolean; error: unknown }
  noun: string
  empty: (data: T) => string | null
  children: (data: T) => ReactNode
}) {
  if (state.isLoading) return <Message>Loading {noun}…</Message>
  if (!state.data) return <Message>{state.error ? `The ${noun} could not be loaded: ${errorMessage(state.error)}` : `Choose a valid date range to see the ${noun}.`}</Message>
  const emptyText = empty(state.data)
  return emptyText ? <Message>{emptyText}</Message> : <>{children(state.data)}</>
}

// ---- 1. funnel ----

/** A segment's row has its chart colour; the All segments total has none. */
type FunnelRow = { key: string; testId: string; name: string; color?: string; steps: FunnelSteps; rates: FunnelReport["total"]["rates"] }

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

function FunnelSection({ report, colors }: { report: FunnelReport; colors: Map<string, string> }) {
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
        rows={[
          ...report.segments.map((s) => ({
            key: s.segment_id,
            testId: `funnel-row-${s.segment_handle ?? s.segment_id}`,
            name: s.segment_name,
            color: colors.get(s.segment_id) ?? PALETTE[0],
            steps: s.steps,
            rates: s.rates,
          })),
          { key: "all", testId: "funnel-row-all", name: "All segments", steps: report.total.steps, rates: report.total.rates },
        ]}
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

// ---- 2. revenue ----

function RevenueSection({ report, colors }: { report: RevenueReport; colors: Map<string, string> }) {
  const charts = revenueCharts(report, colors)
  const rows = revenueTable(report)
  const per = INTERVALS.find((i) => i.value === report.interval)?.label.toLowerCase() ?? ""
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
        ]}
        rows={rows}
        rowKey={(r) => r.key}
        rowTestId={(r) => `revenue-${r.kind}-${r.id}`}
        rowClassName={(r) => (r.kind === "segment" ? "bg-ui-bg-subtle font-medium" : undefined)}
      />
    </>
  )
}

// ---- 3. tiers ----

function TierSection({ report }: { report: TierReport }) {
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

// ---- 4. upsell ----

function UpsellSection({ report }: { report: UpsellReport }) {
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

// ---- 5. experiments ----

function ExperimentResults({ experiment }: { experiment: ExperimentResult }) {
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

// ---- the page ----

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
        <ReportBody
          state={problem ? { isLoading: false, error: null } : funnel}
          noun="funnel"
          empty={(r) => (r.segments.length === 0 && Object.values(r.total.steps).every((n) => n === 0) ? "No funnel events or orders in this range." : null)}
        >
          {(r) => <FunnelSection report={r} colors={colors} />}
        </ReportBody>
      </Section>

      <Section
        title="Revenue and commission"
        description="Orders net of cancellations and refunds, by segment and tier, in each order's currency."
        testId="revenue-section"
        actions={
          <>
            <div className="w-36">
              <Select value={interval} onValueChange={(v) => setPeriodInterval(v as ReportInterval)}>
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
            <CsvButton report="revenue" query={revenueQuery} disabled={!!problem} />
          </>
        }
      >
        <ReportBody
          state={problem ? { isLoading: false, error: null } : revenue}
          noun="revenue"
          empty={(r) => (r.by_segment.length === 0 && r.by_tier.length === 0 ? "No orders in this range." : null)}
        >
          {(r) => <RevenueSection report={r} colors={colors} />}
        </ReportBody>
      </Section>

      <Section
        title="Tier popularity"
        description="Orders per tier, next to the visitors who viewed it."
        testId="tiers-section"
        actions={<CsvButton report="tiers" query={query} disabled={!!problem} />}
      >
        <ReportBody
          state={problem ? { isLoading: false, error: null } : tiers}
          noun="tier popularity"
          empty={(r) => (r.tiers.length === 0 ? "No tier was viewed or ordered in this range." : null)}
        >
          {(r) => <TierSection report={r} />}
        </ReportBody>
      </Section>

      <Section
        title="Upsell"
        description="Offers each rule showed, how many visitors accepted, and the orders that took one."
        testId="upsell-section"
        actions={<CsvButton report="upsell" query={query} disabled={!!problem} />}
      >
        <ReportBody
          state={problem ? { isLoading: false, error: null } : upsell}
          noun="upsell results"
          empty={(r) => (r.rules.length === 0 ? "No upsell offer was shown in this range." : null)}
        >
          {(r) => <UpsellSection report={r} />}
        </ReportBody>
      </Section>

      <Section
        title="Experiments"
        description="Each running or stopped experiment over its whole run (the dates above do not apply). A comparison needs 100 visitors and 10 orders in each variant."
        testId="experiments-section"
        actions={<CsvButton report="experiments" query={tenantOnly} />}
      >
        <ReportBody
          state={experiments}
          noun="experiment results"
          empty={(r) => (r.experiments.length === 0 ? "No experiment has run yet." : null)}
        >
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
