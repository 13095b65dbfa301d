import { Badge, Container, Heading, Input, Select, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { Field } from "../form-drawer"
import { RegionSelect } from "../form-controls"
import { Message } from "../message"
import { errorMessage } from "../../lib/form-values"
import { money, percentText, previewTiers, weekdayShort, type PricePreview } from "../../lib/pricing-rules"
import { useErrorToast, usePricePreview, useRegions } from "../../lib/queries"
import { addDays, todayUtc } from "../../lib/tier-analytics"
import type { Segment } from "../../../contract/admin"

export function PricePreviewPanel({ segments }: { segments: Segment[] }) {
  const today = todayUtc()
  const [tierId, setTierId] = useState("")
  const [regionId, setRegionId] = useState("")
  const [from, setFrom] = useState(today)
  const [to, setTo] = useState(addDays(today, 60))

  const regions = useRegions()
  const ready = !!tierId && !!regionId && !!from && !!to
  const preview = usePricePreview(tierId, { region_id: regionId, from, to }, ready)
  useErrorToast("The preview could not be loaded", preview.error)
  const tiers = previewTiers(segments)

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
          <RegionSelect id="preview-region" value={regionId} onChange={setRegionId} regions={regions.data?.regions ?? []} />
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
                    {day.date} <span className="text-ui-fg-muted">{weekdayShort(day.date)}</span>
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
