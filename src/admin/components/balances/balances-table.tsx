import { Badge, Table } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { planStatusBadge } from "../../lib/balances"
import { formatEventDate } from "../../lib/order-tier-summary"
import { formatMoney } from "../../lib/tier-analytics"
import type { AdminBalanceRow } from "../../../contract/admin"

/** Orders that still owe money, earliest due date first, each linking to its order page. */
export function BalancesTable({ rows }: { rows: AdminBalanceRow[] }) {
  return (
    <Table data-testid="balances-table">
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Order</Table.HeaderCell>
          <Table.HeaderCell>Tenant</Table.HeaderCell>
          <Table.HeaderCell>Customer</Table.HeaderCell>
          <Table.HeaderCell>Event</Table.HeaderCell>
          <Table.HeaderCell>Due</Table.HeaderCell>
          <Table.HeaderCell>Status</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Paid</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Balance</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {rows.map((row) => {
          const status = planStatusBadge(row.status)
          const money = (amount: number) => formatMoney(amount, row.currency_code)
          return (
            <Table.Row key={row.order_id} data-testid="balance-row" data-order-id={row.order_id} data-status={row.status}>
              <Table.Cell>
                <Link to={`/orders/${row.order_id}`} className="text-ui-fg-interactive">
                  {row.display_id === null ? row.order_id : `#${row.display_id}`}
                </Link>
              </Table.Cell>
              <Table.Cell>{row.sales_channel_name ?? row.sales_channel_id}</Table.Cell>
              <Table.Cell>{row.email ?? "—"}</Table.Cell>
              <Table.Cell>{row.event_date ? formatEventDate(row.event_date) : "—"}</Table.Cell>
              <Table.Cell>{row.balance_due_date ? formatEventDate(row.balance_due_date) : "—"}</Table.Cell>
              <Table.Cell>
                <Badge size="2xsmall" color={status.color}>
                  {status.label}
                </Badge>
              </Table.Cell>
              <Table.Cell className="text-right">{money(row.paid)}</Table.Cell>
              <Table.Cell className="text-right" data-testid="balance-row-balance">
                {money(row.balance)}
              </Table.Cell>
            </Table.Row>
          )
        })}
      </Table.Body>
    </Table>
  )
}
