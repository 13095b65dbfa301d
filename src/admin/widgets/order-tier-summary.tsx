import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { OrderSchedule } from "../components/balances/order-schedule"
import { DetailRow } from "../components/detail-row"
import { Message } from "../components/message"
import { RescheduleDrawer } from "../components/reschedule-drawer"
import { TierRepairRow } from "../components/tier-repair-row"
import { errorMessage } from "../lib/form-values"
import { bookingStatus, canReschedule, formatEventDate, guestCountText, tierLabel } from "../lib/order-tier-summary"
import { useOrderTierSummary } from "../lib/queries"
import { formatMoney } from "../lib/tier-analytics"
import { openFlagsFirst } from "../lib/tier-repairs"
import type { OrderTierLine, OrderTierSummary, TierRepair } from "../../contract/admin"
import { useNow } from "../lib/use-now"

/** The order's booked packages, the platform's commission on it, and its payment schedule. */
const OrderTierSummaryWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { data: summary, isLoading, isError, error } = useOrderTierSummary(order.id)

  return (
    <Container className="divide-y p-0" data-testid="order-tier-widget">
      <div className="px-6 py-4">
        <Heading level="h2">Tier packages</Heading>
      </div>
      {isLoading && <Message>Loading…</Message>}
      {isError && <Message>The order's packages could not be loaded: {errorMessage(error)}</Message>}
      {summary && summary.repairs.length > 0 && <Repairs repairs={summary.repairs} />}
      {summary && !summary.lines.length && <Message>No tier packages in this order.</Message>}
      {summary && summary.lines.length > 0 && <Summary summary={summary} movable={order.status !== "canceled"} />}
      <OrderSchedule orderId={order.id} />
    </Container>
  )
}

function Summary({ summary, movable }: { summary: OrderTierSummary; movable: boolean }) {
  const money = (amount: number) => formatMoney(amount, summary.currency_code)
  return (
    <>
      <div>
        <DetailRow label="Commission" value={money(summary.commission)} testId="order-tier-commission" />
        <DetailRow label="Package revenue" value={money(summary.revenue)} testId="order-tier-revenue" />
        <DetailRow label="Add-on revenue" value={money(summary.addon_revenue)} testId="order-tier-addon-revenue" />
      </div>
      {summary.lines.map((line) => (
        <Line key={line.line_item_id} orderId={summary.order_id} line={line} money={money} movable={movable && canReschedule(line)} />
      ))}
    </>
  )
}

/** What the booking check repaired or flagged on this order, open flags first. */
function Repairs({ repairs }: { repairs: TierRepair[] }) {
  const now = useNow()
  return (
    <div data-testid="order-tier-repairs">
      <div className="px-6 pt-4">
        <Text size="small" weight="plus">
          Repairs and flags
        </Text>
      </div>
      {openFlagsFirst(repairs).map((repair) => (
        <TierRepairRow key={repair.id} repair={repair} now={now} withOrder={false} />
      ))}
    </div>
  )
}

type LineProps = { orderId: string; line: OrderTierLine; money: (amount: number) => string; movable: boolean }

function Line({ orderId, line, money, movable }: LineProps) {
  const status = bookingStatus(line.booking)
  const [rescheduling, setRescheduling] = useState(false)
  return (
    <div data-testid={`order-tier-line-${line.line_item_id}`}>
      <div className="px-6 pt-4">
        <Text size="small" weight="plus" data-testid="order-tier-line-tier">
          {tierLabel(line)}
        </Text>
      </div>
      <DetailRow label="Segment" value={line.segment_name ?? line.segment_id} testId="order-tier-line-segment" />
      <DetailRow label="Event date" value={formatEventDate(line.event_date)} testId="order-tier-line-date" />
      <DetailRow label="Guests" value={guestCountText(line.guest_count)} testId="order-tier-line-guests" />
      <DetailRow
        label="Booking"
        value={
          <Badge size="2xsmall" color={status.color}>
            {status.label}
          </Badge>
        }
        testId="order-tier-line-booking"
      />
      <DetailRow label="Commission" value={money(line.commission)} testId="order-tier-line-commission" />
      {movable && (
        <div className="flex justify-end px-6 pb-4">
          <Button size="small" variant="secondary" onClick={() => setRescheduling(true)} data-testid="order-tier-line-reschedule">
            Reschedule
          </Button>
          <RescheduleDrawer orderId={orderId} line={line} open={rescheduling} onOpenChange={setRescheduling} />
        </div>
      )}
    </div>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side.after",
})

export default OrderTierSummaryWidget
