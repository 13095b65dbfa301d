import { defineRouteConfig } from "@medusajs/admin-sdk"
import { PencilSquare, ReceiptPercent, Trash } from "@medusajs/icons"
import {
  Badge,
  Button,
  Container,
  Heading,
  Input,
  Label,
  RadioGroup,
  Select,
  Switch,
  Table,
  Text,
  usePrompt,
} from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { ActionMenu } from "../../../components/action-menu"
import { CheckboxItem, SwitchItem, toggled } from "../../../components/form-controls"
import { DrawerForm, Field, FormDrawer } from "../../../components/form-drawer"
import { Message } from "../../../components/message"
import { sdk } from "../../../lib/sdk"
import { submitDrawer } from "../../../lib/drawer-submit"
import { changedFields, errorMessage, numberOrNull } from "../../../lib/form-values"
import { ALL_SEGMENTS, queryKeys, useAdminMutation, useErrorToast, useSegments } from "../../../lib/queries"
import type { Segment } from "../../../lib/types"

// ---- the API's shapes (README "Pricing rules") ----

type RuleKind = "season" | "last_minute" | "early_bird" | "weekday"

type PricingRule = {
  id: string
  label: string
  kind: RuleKind
  percent: number
  priority: number
  stackable: boolean
  is_active: boolean
  segment_ids: string[]
  months: number[] | null
  start_date: string | null
  end_date: string | null
  repeats_yearly: boolean
  days: number | null
  weekdays: number[] | null
}

type PricingRulePayload = Omit<PricingRule, "id">

type PricePreview = {
  tier_id: string
  currency_code: string
  base: number
  today: string
  dates: {
    date: string
    final: number
    adjustments: { rule_id: string; label: string; percent: number; amount: number }[]
  }[]
}

const listPricingRules = () =>
  sdk.client.fetch<{ pricing_rules: PricingRule[]; count: number }>("/admin/pricing-rules", {
    query: { limit: 200, offset: 0 },
  })

const createPricingRule = (body: PricingRulePayload) =>
  sdk.client.fetch<{ pricing_rule: PricingRule }>("/admin/pricing-rules", { method: "POST", body })

const updatePricingRule = ({ id, body }: { id: string; body: Partial<PricingRulePayload> }) =>
  sdk.client.fetch<{ pricing_rule: PricingRule }>(`/admin/pricing-rules/${id}`, { method: "POST", body })

const deletePricingRule = (id: string) =>
  sdk.client.fetch<{ id: string; deleted: boolean }>(`/admin/pricing-rules/${id}`, { method: "DELETE" })

const getPricePreview = (tierId: string, query: { region_id: string; from: string; to: string }) =>
  sdk.client.fetch<PricePreview>(`/admin/tiers/${tierId}/price-preview`, { query })

// Under the shared root, so every admin write refreshes the rules and the preview.
const pricingKeys = {
  rules: [...queryKeys.root, "pricing-rules"] as const,
  regions: [...queryKeys.root, "regions"] as const,
  preview: (tierId: string, query: object) => [...queryKeys.root, "price-preview", tierId, query] as const,
}

// ---- labels ----

const KINDS: { value: RuleKind; label: string; hint: string }[] = [
  { value: "season", label: "Season", hint: "Event dates in some months or a date range" },
  { value: "last_minute", label: "Last minute", hint: "Events fewer than N days from today" },
  { value: "early_bird", label: "Early bird", hint: "Events more than N days from today" },
  { value: "weekday", label: "Weekday", hint: "Events on some days of the week" },
]
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

const kindLabel = (kind: RuleKind) => KINDS.find((k) => k.value === kind)?.label ?? kind

/** The months 6,7,8,9 read as "June – September"; gaps are listed. */
function monthsText(months: number[]): string {
  const sorted = [...months].sort((a, b) => a - b)
  const contiguous = sorted.every((m, i) => i === 0 || m === sorted[i - 1] + 1)
  if (sorted.length > 2 && contiguous) return `${MONTHS[sorted[0] - 1]} – ${MONTHS[sorted[sorted.length - 1] - 1]}`
  return sorted.map((m) => MONTHS[m - 1].slice(0, 3)).join(", ")
}

function whenText(rule: PricingRule): string {
  switch (rule.kind) {
    case "season":
      if (rule.months?.length) return monthsText(rule.months)
      return `${rule.start_date} – ${rule.end_date}${rule.repeats_yearly ? ", every year" : ""}`
    case "last_minute":
      return `Fewer than ${rule.days} days before the event`
    case "early_bird":
      return `More than ${rule.days} days before the event`
    case "weekday":
      return (rule.weekdays ?? []).map((d) => WEEKDAYS[d].slice(0, 3)).join(", ")
  }
}

const percentText = (percent: number) => `${percent > 0 ? "+" : ""}${percent}%`

function money(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency: currency.toUpperCase() }).format(amount)
  } catch {
    return `${amount.toLocaleString()} ${currency.toUpperCase()}`
  }
}

// ---- the form: text as typed, turned into a body of the chosen kind ----

type RuleFormValues = {
  label: string
  kind: RuleKind
  percent: string
  priority: string
  stackable: boolean
  is_active: boolean
  segment_ids: string[]
  season_mode: "months" | "range"
  months: number[]
  start_date: string
  end_date: string
  repeats_yearly: boolean
  days: string
  weekdays: number[]
}

function ruleFormValues(rule?: PricingRule): RuleFormValues {
  return {
    label: rule?.label ?? "",
    kind: rule?.kind ?? "season",
    percent: rule ? String(rule.percent) : "",
    priority: rule ? String(rule.priority) : "0",
    stackable: rule?.stackable ?? true,
    is_active: rule?.is_active ?? true,
    segment_ids: rule?.segment_ids ?? [],
    season_mode: rule?.start_date ? "range" : "months",
    months: rule?.months ?? [],
    start_date: rule?.start_date ?? "",
    end_date: rule?.end_date ?? "",
    repeats_yearly: rule?.repeats_yearly ?? false,
    days: rule?.days == null ? "" : String(rule.days),
    weekdays: rule?.weekdays ?? [],
  }
}

/**
 * A whole rule: the chosen kind's fields, the other kinds' cleared, so a kind change in an edit
 * also clears what the API would refuse for the new kind.
 */
function rulePayload(values: RuleFormValues): PricingRulePayload {
  const season = values.kind === "season"
  const byMonths = season && values.season_mode === "months"
  const byRange = season && values.season_mode === "range"
  const countsDays = values.kind === "last_minute" || values.kind === "early_bird"
  return {
    label: values.label.trim(),
    kind: values.kind,
    percent: numberOrNull(values.percent) ?? NaN,
    priority: numberOrNull(values.priority) ?? 0,
    stackable: values.stackable,
    is_active: values.is_active,
    segment_ids: values.segment_ids,
    months: byMonths ? [...values.months].sort((a, b) => a - b) : null,
    start_date: byRange ? values.start_date || null : null,
    end_date: byRange ? values.end_date || null : null,
    repeats_yearly: byRange && values.repeats_yearly,
    days: countsDays ? numberOrNull(values.days) : null,
    weekdays: values.kind === "weekday" ? [...values.weekdays].sort((a, b) => a - b) : null,
  }
}

function RuleFields({ values, onChange, segments }: { values: RuleFormValues; onChange: (v: RuleFormValues) => void; segments: Segment[] }) {
  const set = <K extends keyof RuleFormValues>(key: K, value: RuleFormValues[K]) => onChange({ ...values, [key]: value })
  return (
    <>
      <Field id="rule-label" label="Label" hint="Shown to shoppers in the price breakdown.">
        <Input id="rule-label" value={values.label} onChange={(e) => set("label", e.target.value)} />
      </Field>
      <Field id="rule-kind" label="Kind" hint={KINDS.find((k) => k.value === values.kind)?.hint}>
        <Select value={values.kind} onValueChange={(v) => set("kind", v as RuleKind)}>
          <Select.Trigger id="rule-kind" data-testid="rule-kind">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {KINDS.map((kind) => (
              <Select.Item key={kind.value} value={kind.value}>
                {kind.label}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </Field>

      {values.kind === "season" && (
        <fieldset className="flex flex-col gap-y-3" data-testid="season-fields">
          <RadioGroup
            value={values.season_mode}
            onValueChange={(v) => set("season_mode", v as RuleFormValues["season_mode"])}
            className="flex gap-x-4"
            aria-label="Season by"
          >
            {[
              ["months", "Months"],
              ["range", "Date range"],
            ].map(([value, label]) => (
              <div key={value} className="flex items-center gap-x-2">
                <RadioGroup.Item value={value} id={`season-${value}`} />
                <Label htmlFor={`season-${value}`} size="small">
                  {label}
                </Label>
              </div>
            ))}
          </RadioGroup>
          {values.season_mode === "months" ? (
            <div className="grid grid-cols-3 gap-2" role="group" aria-label="Months">
              {MONTHS.map((name, i) => (
                <CheckboxItem
                  key={name}
                  id={`rule-month-${i + 1}`}
                  label={name}
                  checked={values.months.includes(i + 1)}
                  onChange={(on) => set("months", toggled(values.months, i + 1, on))}
                />
              ))}
            </div>
          ) : (
            <>
              <div className="grid grid-cols-2 gap-x-2">
                <Field id="rule-start-date" label="Start date">
                  <Input id="rule-start-date" type="date" value={values.start_date} onChange={(e) => set("start_date", e.target.value)} />
                </Field>
                <Field id="rule-end-date" label="End date">
                  <Input id="rule-end-date" type="date" value={values.end_date} onChange={(e) => set("end_date", e.target.value)} />
                </Field>
              </div>
              <SwitchItem
                id="rule-repeats-yearly"
                label="Repeats every year (month and day only)"
                checked={values.repeats_yearly}
                onChange={(on) => set("repeats_yearly", on)}
              />
            </>
          )}
        </fieldset>
      )}
      {(values.kind === "last_minute" || values.kind === "early_bird") && (
        <Field
          id="rule-days"
          label="Days"
          hint={
            values.kind === "last_minute"
              ? "Fires when the event is fewer than this many days from today (UTC)."
              : "Fires when the event is more than this many days from today (UTC)."
          }
        >
          <Input id="rule-days" type="number" value={values.days} onChange={(e) => set("days", e.target.value)} />
        </Field>
      )}
      {values.kind === "weekday" && (
        <div className="grid grid-cols-2 gap-2" role="group" aria-label="Weekdays">
          {WEEKDAYS.map((name, i) => (
            <CheckboxItem
              key={name}
              id={`rule-weekday-${i}`}
              label={name}
              checked={values.weekdays.includes(i)}
              onChange={(on) => set("weekdays", toggled(values.weekdays, i, on))}
            />
          ))}
        </div>
      )}

      <div className="grid grid-cols-2 gap-x-2">
        <Field id="rule-percent" label="Percent" hint="20 adds 20%, -15 takes 15% off.">
          <Input id="rule-percent" type="number" step="any" value={values.percent} onChange={(e) => set("percent", e.target.value)} />
        </Field>
        <Field id="rule-priority" label="Priority" hint="Lower applies first.">
          <Input id="rule-priority" type="number" value={values.priority} onChange={(e) => set("priority", e.target.value)} />
        </Field>
      </div>
      <SwitchItem
        id="rule-stackable"
        label="Stackable (later rules still apply when this one fires)"
        checked={values.stackable}
        onChange={(on) => set("stackable", on)}
      />
      <SwitchItem id="rule-active" label="Active" checked={values.is_active} onChange={(on) => set("is_active", on)} />
      {segments.length > 0 && (
        <div className="flex flex-col gap-y-2" role="group" aria-label="Segments">
          <Label size="small" weight="plus">
            Segments
          </Label>
          <Text size="xsmall" className="text-ui-fg-subtle">
            None ticked: the rule applies to every segment.
          </Text>
          {segments.map((segment) => (
            <CheckboxItem
              key={segment.id}
              id={`rule-segment-${segment.id}`}
              label={segment.name}
              checked={values.segment_ids.includes(segment.id)}
              onChange={(on) => set("segment_ids", toggled(values.segment_ids, segment.id, on))}
            />
          ))}
        </div>
      )}
    </>
  )
}

type RuleDialog = { kind: "create" } | { kind: "edit"; rule: PricingRule }

function RuleDrawer({ dialog, onClose }: { dialog: RuleDialog; onClose: () => void }) {
  const { data } = useSegments(ALL_SEGMENTS.limit, ALL_SEGMENTS.offset)
  const editing = dialog.kind === "edit" ? dialog.rule : undefined
  const initial = ruleFormValues(editing)
  const [values, setValues] = useState(initial)
  const create = useAdminMutation(createPricingRule, "Pricing rule created")
  const update = useAdminMutation(updatePricingRule, "Pricing rule saved")

  // The API checks a partial change together with the stored rule.
  const submit = () =>
    submitDrawer({
      editingId: editing?.id,
      body: () => rulePayload(values),
      changes: () => changedFields(rulePayload(initial), rulePayload(values)),
      create,
      update,
      onClose,
    })

  return (
    <FormDrawer
      open
      onOpenChange={(open) => !open && onClose()}
      title={editing ? `Edit ${editing.label}` : "Create pricing rule"}
      testId="pricing-rule-drawer"
    >
      <DrawerForm
        submitLabel={editing ? "Save" : "Create"}
        submitting={create.isPending || update.isPending}
        onSubmit={submit}
      >
        <RuleFields values={values} onChange={setValues} segments={data?.segments ?? []} />
      </DrawerForm>
    </FormDrawer>
  )
}

// ---- the rules list ----

function RulesTable({ rules, segments, onEdit, onDelete }: {
  rules: PricingRule[]
  segments: Segment[]
  onEdit: (rule: PricingRule) => void
  onDelete: (rule: PricingRule) => void
}) {
  const toggle = useAdminMutation(updatePricingRule, "Pricing rule saved")
  const segmentName = (id: string) => segments.find((s) => s.id === id)?.name ?? id
  return (
    <Table data-testid="pricing-rules-table">
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Rule</Table.HeaderCell>
          <Table.HeaderCell>When</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Percent</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Priority</Table.HeaderCell>
          <Table.HeaderCell>Segments</Table.HeaderCell>
          <Table.HeaderCell>Active</Table.HeaderCell>
          <Table.HeaderCell className="w-12" />
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {rules.map((rule) => (
          <Table.Row key={rule.id} data-testid="pricing-rule-row" className="[&_td]:py-3">
            <Table.Cell>
              <div className="flex flex-col">
                <Text size="small" weight="plus">
                  {rule.label}
                </Text>
                <div className="flex gap-x-1">
                  <Badge size="2xsmall">{kindLabel(rule.kind)}</Badge>
                  {!rule.stackable && (
                    <Badge size="2xsmall" color="orange">
                      Stops later rules
                    </Badge>
                  )}
                </div>
              </div>
            </Table.Cell>
            <Table.Cell>{whenText(rule)}</Table.Cell>
            <Table.Cell className="text-right">
              <Badge size="small" color={rule.percent > 0 ? "red" : "green"}>
                {percentText(rule.percent)}
              </Badge>
            </Table.Cell>
            <Table.Cell className="text-right">{rule.priority}</Table.Cell>
            <Table.Cell>{rule.segment_ids.length ? rule.segment_ids.map(segmentName).join(", ") : "All"}</Table.Cell>
            <Table.Cell>
              <Switch
                checked={rule.is_active}
                aria-label={`Active: ${rule.label}`}
                disabled={toggle.isPending}
                onCheckedChange={(on) => toggle.mutate({ id: rule.id, body: { is_active: on } })}
              />
            </Table.Cell>
            <Table.Cell>
              <ActionMenu
                label={`Actions for rule ${rule.label}`}
                actions={[
                  { label: "Edit", icon: <PencilSquare />, onClick: () => onEdit(rule) },
                  { label: "Delete", icon: <Trash />, onClick: () => onDelete(rule), danger: true },
                ]}
              />
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}

// ---- the preview ----

const isoDate = (date: Date) => date.toISOString().slice(0, 10)

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return isoDate(d)
}


function PricePreviewPanel({ segments }: { segments: Segment[] }) {
  const today = isoDate(new Date())
  const [tierId, setTierId] = useState("")
  const [regionId, setRegionId] = useState("")
  const [from, setFrom] = useState(today)
  const [to, setTo] = useState(addDays(today, 60))

  const regions = useQuery({
    queryKey: pricingKeys.regions,
    queryFn: () => sdk.admin.region.list({ limit: 100, fields: "id,name,currency_code" }),
  })
  const query = { region_id: regionId, from, to }
  const ready = !!tierId && !!regionId && !!from && !!to
  const preview = useQuery({
    queryKey: pricingKeys.preview(tierId, query),
    queryFn: () => getPricePreview(tierId, query),
    enabled: ready,
    retry: false,
  })
  useErrorToast("The preview could not be loaded", preview.error)

  // Tiers with a product are the ones that have a price to preview.
  const tiers = segments.flatMap((segment) =>
    segment.tiers.filter((tier) => !tier.archived_at && tier.product).map((tier) => ({ tier, segment }))
  )

  return (
    <Container className="divide-y p-0" data-testid="price-preview">
      <div className="px-6 py-4">
        <Heading level="h2">Preview</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          A tier's price for each event date, with the active rules that fire, as a shopper would see it today.
        </Text>
      </div>
      <div className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-4">
        <Field id="preview-tier" label="Tier">
          <Select value={tierId} onValueChange={setTierId}>
            <Select.Trigger id="preview-tier" data-testid="preview-tier">
              <Select.Value placeholder={tiers.length ? "Choose a tier" : "No tier has a product yet"} />
            </Select.Trigger>
            <Select.Content>
              {tiers.map(({ tier, segment }) => (
                <Select.Item key={tier.id} value={tier.id}>
                  {segment.name} · {tier.name}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </Field>
        <Field id="preview-region" label="Region">
          <Select value={regionId} onValueChange={setRegionId}>
            <Select.Trigger id="preview-region" data-testid="preview-region">
              <Select.Value placeholder="Choose a region" />
            </Select.Trigger>
            <Select.Content>
              {(regions.data?.regions ?? []).map((region) => (
                <Select.Item key={region.id} value={region.id}>
                  {region.name} ({region.currency_code.toUpperCase()})
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </Field>
        <Field id="preview-from" label="From">
          <Input id="preview-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </Field>
        <Field id="preview-to" label="To">
          <Input id="preview-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </Field>
      </div>
      {!ready && <Message>Choose a tier and a region to see its prices.</Message>}
      {ready && preview.isLoading && <Message>Loading prices…</Message>}
      {ready && preview.isError && <Message>No preview: {errorMessage(preview.error)}</Message>}
      {ready && preview.data && <PreviewTable preview={preview.data} />}
    </Container>
  )
}

function PreviewTable({ preview }: { preview: PricePreview }) {
  const changed = preview.dates.filter((d) => d.final !== preview.base).length
  return (
    <div>
      <div className="flex items-center gap-x-4 px-6 py-3">
        <Text size="small" data-testid="preview-base">
          Base price <span className="font-medium">{money(preview.base, preview.currency_code)}</span>
        </Text>
        <Text size="small" className="text-ui-fg-subtle">
          {changed} of {preview.dates.length} dates differ from the base
        </Text>
      </div>
      <div className="max-h-[480px] overflow-y-auto">
        <Table data-testid="preview-table">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Date</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Final</Table.HeaderCell>
              <Table.HeaderCell>Rules that fired</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {preview.dates.map((day) => {
              const differs = day.final !== preview.base
              return (
                <Table.Row
                  key={day.date}
                  data-testid={`preview-row-${day.date}`}
                  data-differs={differs}
                  className={differs ? "bg-ui-bg-highlight" : undefined}
                >
                  <Table.Cell>
                    {day.date}{" "}
                    <span className="text-ui-fg-muted">{WEEKDAYS[new Date(`${day.date}T00:00:00Z`).getUTCDay()].slice(0, 3)}</span>
                  </Table.Cell>
                  <Table.Cell className="text-right" data-testid="preview-final">
                    <span className={differs ? "font-medium text-ui-fg-interactive" : undefined}>
                      {money(day.final, preview.currency_code)}
                    </span>
                  </Table.Cell>
                  <Table.Cell data-testid="preview-rules">
                    <div className="flex flex-wrap gap-1">
                      {day.adjustments.length === 0 && <span className="text-ui-fg-muted">—</span>}
                      {day.adjustments.map((a) => (
                        <Badge key={a.rule_id} size="2xsmall" color={a.percent > 0 ? "red" : "green"}>
                          {a.label} {percentText(a.percent)}
                        </Badge>
                      ))}
                    </div>
                  </Table.Cell>
                </Table.Row>
              )
            })}
          </Table.Body>
        </Table>
      </div>
    </div>
  )
}


// ---- the page ----

const PricingRulesPage = () => {
  const [dialog, setDialog] = useState<RuleDialog | null>(null)
  const rules = useQuery({ queryKey: pricingKeys.rules, queryFn: listPricingRules })
  const segments = useSegments(ALL_SEGMENTS.limit, ALL_SEGMENTS.offset)
  const remove = useAdminMutation(deletePricingRule, "Pricing rule deleted")
  const prompt = usePrompt()
  useErrorToast("Pricing rules could not be loaded", rules.error)

  const confirmDelete = async (rule: PricingRule) => {
    const confirmed = await prompt({
      title: `Delete ${rule.label}?`,
      description: "Prices stop using this rule at once. Lines already in carts are re-priced at checkout. This cannot be undone.",
      confirmText: "Delete",
      cancelText: "Cancel",
    })
    if (confirmed) remove.mutate(rule.id)
  }

  const list = rules.data?.pricing_rules ?? []
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <div>
            <Heading level="h1">Pricing rules</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Date-driven price adjustments, applied by ascending priority on each tier's base price.
            </Text>
          </div>
          <Button size="small" variant="secondary" onClick={() => setDialog({ kind: "create" })} data-testid="create-pricing-rule">
            Create rule
          </Button>
        </div>
        {rules.isLoading && <Message>Loading pricing rules…</Message>}
        {rules.isError && <Message>Pricing rules could not be loaded: {errorMessage(rules.error)}</Message>}
        {rules.data && list.length === 0 && <Message>No pricing rules yet. Every date sells at the base price.</Message>}
        {list.length > 0 && (
          <RulesTable
            rules={list}
            segments={segments.data?.segments ?? []}
            onEdit={(rule) => setDialog({ kind: "edit", rule })}
            onDelete={confirmDelete}
          />
        )}
        {dialog && <RuleDrawer dialog={dialog} onClose={() => setDialog(null)} />}
      </Container>
      <PricePreviewPanel segments={segments.data?.segments ?? []} />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Pricing rules",
  icon: ReceiptPercent,
  rank: 2,
})

export default PricingRulesPage
