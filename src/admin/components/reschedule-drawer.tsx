import { Badge, Input, Text } from "@medusajs/ui"
import { useState } from "react"
import { DrawerForm, Field, FormDrawer } from "./form-drawer"
import { rescheduleBooking } from "../lib/api"
import { STATUS } from "../lib/availability"
import { errorMessage } from "../lib/form-values"
import { formatEventDate, priceDifferenceText, tierLabel } from "../lib/order-tier-summary"
import { useAdminMutation, useReschedulePreview } from "../lib/queries"
import type { OrderTierLine } from "../../contract/admin"

type RescheduleDrawerProps = { orderId: string; line: OrderTierLine; open: boolean; onOpenChange: (open: boolean) => void }

/** Moves a booked package to another date: the server's answer for the date first, then Confirm. */
export function RescheduleDrawer({ orderId, line, open, onOpenChange }: RescheduleDrawerProps) {
  return (
    <FormDrawer open={open} onOpenChange={onOpenChange} title={`Reschedule ${tierLabel(line)}`} testId="reschedule-drawer">
      <RescheduleForm orderId={orderId} line={line} onDone={() => onOpenChange(false)} />
    </FormDrawer>
  )
}

function RescheduleForm({ orderId, line, onDone }: { orderId: string; line: OrderTierLine; onDone: () => void }) {
  const [date, setDate] = useState("")
  const body = { line_item_id: line.line_item_id, event_date: date }
  const preview = useReschedulePreview(orderId, body)
  const move = useAdminMutation(rescheduleBooking, (moved) => `Booking moved to ${formatEventDate(moved.to)}`)
  const ready = !!preview.data?.allowed && !preview.isFetching
  return (
    <DrawerForm submitLabel="Confirm" submitting={move.isPending} submitDisabled={!ready} onSubmit={() => ready && move.mutate({ orderId, body }, { onSuccess: onDone })}>
      <Text size="small" data-testid="reschedule-current">
        Now booked for {formatEventDate(line.event_date)}
      </Text>
      <Field id="reschedule-date" label="New date" hint="Capacity, blackouts and the booking window are checked; nothing is charged.">
        <Input id="reschedule-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      </Field>
      <div className="flex flex-col gap-y-2" data-testid="reschedule-preview" aria-live="polite">
        {!preview.data && !preview.isError && (
          <Text size="small" className="text-ui-fg-subtle">
            {preview.isFetching ? "Checking the date…" : "Choose a date to see whether it is free and what it costs."}
          </Text>
        )}
        {preview.isError && (
          <Text size="small" className="text-ui-fg-error" data-testid="reschedule-reason">
            {errorMessage(preview.error)}
          </Text>
        )}
        {preview.data && (
          <>
            <div className="flex items-center gap-x-2">
              <Text size="small" weight="plus">
                {formatEventDate(preview.data.to)}
              </Text>
              <Badge size="2xsmall" color={STATUS[preview.data.status].color} data-testid="reschedule-status">
                {STATUS[preview.data.status].label}
              </Badge>
            </div>
            {preview.data.reason && (
              <Text size="small" className="text-ui-fg-error" data-testid="reschedule-reason">
                {preview.data.reason}
              </Text>
            )}
            <Text size="small" data-testid="reschedule-difference">
              {priceDifferenceText(preview.data.price_difference, preview.data.currency_code)}
            </Text>
          </>
        )}
      </div>
    </DrawerForm>
  )
}
