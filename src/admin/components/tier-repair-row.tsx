import { Badge, Button, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { resolveTierRepair } from "../lib/api"
import { formatEventDate } from "../lib/order-tier-summary"
import { useAdminMutation } from "../lib/queries"
import { formatDateTime, isOpenFlag, relativeTime, repairKindLabel, repairState } from "../lib/tier-repairs"
import type { TierRepair } from "../../contract/admin"

function When({ iso, now, prefix = "" }: { iso: string; now: Date; prefix?: string }) {
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {prefix}
      {relativeTime(iso, now)}
    </time>
  )
}

/**
 * One repair or flag: what kind in words, its state, the reason, the date it concerns, its order
 * (`withOrder`, where the list spans orders) and when; an open flag can be marked resolved.
 */
export function TierRepairRow({ repair, now, withOrder }: { repair: TierRepair; now: Date; withOrder: boolean }) {
  const resolve = useAdminMutation(resolveTierRepair, "Flag marked resolved")
  const state = repairState(repair)
  const open = isOpenFlag(repair)
  return (
    <div
      className="flex flex-wrap items-start justify-between gap-2 px-6 py-3"
      data-testid="tier-repair"
      data-repair-id={repair.id}
      data-kind={repair.kind}
      data-state={open ? "open" : repair.needs_attention ? "resolved" : "repaired"}
    >
      <div className="flex min-w-[16rem] flex-1 flex-col gap-y-1">
        <div className="flex flex-wrap items-center gap-1">
          <Badge size="2xsmall" color={state.color} data-testid="tier-repair-state">
            {state.label}
          </Badge>
          <Badge size="2xsmall" color="grey" data-testid="tier-repair-kind">
            {repairKindLabel(repair)}
          </Badge>
        </div>
        <Text size="small" data-testid="tier-repair-reason">
          {repair.reason}
        </Text>
        <Text size="xsmall" className="text-ui-fg-subtle flex flex-wrap gap-x-2" asChild>
          <div>
            {repair.event_date && <span data-testid="tier-repair-date">{formatEventDate(repair.event_date)}</span>}
            {withOrder && repair.order_id && (
              <Link
                to={`/orders/${repair.order_id}`}
                className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
                title={repair.order_id}
                data-testid="tier-repair-order"
              >
                View order
              </Link>
            )}
            <When iso={repair.created_at} now={now} />
            {repair.resolved_at && <When iso={repair.resolved_at} now={now} prefix="resolved " />}
          </div>
        </Text>
      </div>
      {open && (
        <Button
          size="small"
          variant="secondary"
          isLoading={resolve.isPending}
          onClick={() => resolve.mutate(repair.id)}
          data-testid="resolve-repair"
        >
          Mark resolved
        </Button>
      )}
    </div>
  )
}
