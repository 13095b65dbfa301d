import { Badge, Button, Input, Select, Text, Textarea } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { Field } from "../form-drawer"
import { RegionSelect } from "../form-controls"
import { ordinal as placeOf } from "../../../lib/ordinal"
import { changeDateOption, convertDateOption, createDateOption } from "../../lib/api"
import { useAdminMutation, useDateOptions, useRegions } from "../../lib/queries"
import type { DateOptionStatus } from "../../../contract/admin"

const STATUS_BADGE: Record<DateOptionStatus, { label: string; color: "green" | "blue" | "grey" | "orange" | "purple" }> = {
  live: { label: "Holding the date", color: "green" },
  queued: { label: "Queued", color: "blue" },
  converted: { label: "Draft order", color: "purple" },
  booked: { label: "Booked", color: "green" },
  released: { label: "Released", color: "grey" },
  lapsed: { label: "Lapsed", color: "orange" },
}

const ordinal = (n: number) => `${placeOf(n)} option`

/**
 * The date's options for named clients, first option first, with Extend and Release, Convert to
 * draft order for a live one (then a link to its draft order, or to its order once booked), and a
 * form to pencil in a new one (it holds the date, or queues behind the options before it).
 */
export function DateOptionsSection({ channelId, date }: { channelId: string; date: string }) {
  const options = useDateOptions(channelId, date)
  const [tierId, setTierId] = useState("")
  const [name, setName] = useState("")
  const [email, setEmail] = useState("")
  const [note, setNote] = useState("")
  const [hours, setHours] = useState("48")
  const [extendHours, setExtendHours] = useState("48")
  const create = useAdminMutation(createDateOption, (o) => (o.status === "live" ? "Option holds the date" : `Option queued as ${ordinal(o.position)}`))
  const change = useAdminMutation(changeDateOption, (o) => (o.status === "released" ? "Option released" : "Option extended"))
  const convert = useAdminMutation(convertDateOption, () => "Draft order created for the client")
  const regions = useRegions().data?.regions ?? []
  const [regionId, setRegionId] = useState("")
  const chosenRegion = regionId || regions[0]?.id || ""
  const tiers = options.data?.tiers ?? []
  const tierName = new Map(tiers.map((t) => [t.id, t.name]))
  const chosenTier = tierId || tiers[0]?.id || ""

  if (options.isLoading) return <Text size="small" className="text-ui-fg-subtle">Loading…</Text>
  if (options.error) return <Text size="small" className="text-ui-fg-error">The options could not be loaded</Text>
  const list = options.data?.options ?? []
  return (
    <div className="flex flex-col gap-y-3" data-testid="date-options">
      {list.length === 0 && <Text size="small" className="text-ui-fg-subtle">No option on this date.</Text>}
      <ul className="flex flex-col gap-y-2">
        {list.map((o) => {
          const badge = STATUS_BADGE[o.status]
          const open = o.status === "live" || o.status === "queued" || o.status === "converted"
          return (
            <li key={o.id} className="flex flex-col gap-y-1 rounded-md border border-ui-border-base px-3 py-2" data-testid="date-option" data-status={o.status}>
              <div className="flex items-start justify-between gap-x-2">
                <div className="flex flex-col">
                  <Text size="small" weight="plus">{`${ordinal(o.position)}: ${o.client_name}`}</Text>
                  <Text size="xsmall" className="text-ui-fg-subtle">
                    {[o.client_email, tierName.get(o.tier_id), o.expires_at ? `until ${new Date(o.expires_at).toLocaleString()}` : `${o.hold_hours} h once it moves up`]
                      .filter(Boolean)
                      .join(" · ")}
                  </Text>
                  {o.note && <Text size="xsmall" className="text-ui-fg-subtle">{o.note}</Text>}
                </div>
                <Badge size="2xsmall" color={badge.color}>{badge.label}</Badge>
              </div>
              {open && (
                <div className="flex gap-x-2">
                  <Button
                    size="small"
                    variant="secondary"
                    isLoading={change.isPending}
                    onClick={() => change.mutate({ channelId, id: o.id, action: "extend", hours: Number(extendHours) })}
                  >
                    Extend {extendHours} h
                  </Button>
                  <Button size="small" variant="secondary" isLoading={change.isPending} onClick={() => change.mutate({ channelId, id: o.id, action: "release" })}>
                    Release
                  </Button>
                  {o.status === "live" && (
                    <Button
                      size="small"
                      variant="secondary"
                      isLoading={convert.isPending}
                      disabled={!chosenRegion}
                      data-testid="convert-option"
                      onClick={() => convert.mutate({ channelId, id: o.id, regionId: chosenRegion })}
                    >
                      Convert to draft order
                    </Button>
                  )}
                </div>
              )}
              {o.draft_order_id && (o.status === "converted" || o.status === "booked") && (
                <Link
                  to={o.status === "booked" ? `/orders/${o.draft_order_id}` : `/draft-orders/${o.draft_order_id}`}
                  className="text-ui-fg-interactive txt-compact-small hover:underline w-fit"
                  data-testid="option-order-link"
                >
                  {o.status === "booked" ? "Open the order" : "Open the draft order"}
                </Link>
              )}
            </li>
          )
        })}
      </ul>
      {list.some((o) => o.status === "live" || o.status === "queued" || o.status === "converted") && (
        <Field id="option-extend-hours" label="Extend by (hours)" hint="From now; a queued option holds that long once it moves up.">
          <Input id="option-extend-hours" type="number" min={1} max={2160} value={extendHours} onChange={(e) => setExtendHours(e.target.value)} />
        </Field>
      )}
      {list.some((o) => o.status === "live") && regions.length > 1 && (
        <Field id="option-region" label="Draft order region" hint="Its currency prices the draft order.">
          <RegionSelect id="option-region" value={chosenRegion} onChange={setRegionId} regions={regions} />
        </Field>
      )}
      <Field id="option-tier" label="Package">
        <Select value={chosenTier} onValueChange={setTierId}>
          <Select.Trigger id="option-tier" data-testid="option-tier">
            <Select.Value placeholder={tiers.length ? "Choose a package" : "No package sold by this tenant"} />
          </Select.Trigger>
          <Select.Content>
            {tiers.map((t) => (
              <Select.Item key={t.id} value={t.id}>
                {t.name}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </Field>
      <Field id="option-client-name" label="Client name">
        <Input id="option-client-name" value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field id="option-client-email" label="Client email">
        <Input id="option-client-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
      </Field>
      <Field id="option-note" label="Client note" hint="For your team.">
        <Textarea id="option-note" value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <Field id="option-hours" label="Holds for (hours)" hint="1 to 2160 (90 days).">
        <Input id="option-hours" type="number" min={1} max={2160} value={hours} onChange={(e) => setHours(e.target.value)} />
      </Field>
      <Button
        size="small"
        variant="secondary"
        className="w-fit"
        isLoading={create.isPending}
        data-testid="pencil-option"
        onClick={() =>
          create.mutate(
            {
              channelId,
              body: { event_date: date, tier_id: chosenTier, client_name: name.trim(), client_email: email.trim(), note: note.trim() || null, expires_in_hours: Number(hours) },
            },
            {
              onSuccess: () => {
                setName("")
                setEmail("")
                setNote("")
              },
            }
          )
        }
      >
        Pencil in
      </Button>
    </div>
  )
}
