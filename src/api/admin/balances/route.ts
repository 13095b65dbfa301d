import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listBalances } from "../../../queries/balances"
import { respond } from "../tier-analytics/respond"
import { AdminListBalancesType } from "./validators"
import type { AdminBalancesResponse } from "../../../contract/admin"

/** Balances due and overdue across tenants, earliest due date first; `format=csv` downloads every matching row. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListBalancesType>, res: MedusaResponse<AdminBalancesResponse>) => {
  const { format, ...filter } = req.validatedQuery
  const csv = format === "csv"
  const list = await listBalances(req.scope, csv ? { ...filter, offset: 0, limit: Number.MAX_SAFE_INTEGER } : filter)
  respond(res, format, list, {
    name: `balances-${filter.status ?? "all"}`,
    rows: list.balances,
    columns: ["display_id", "order_id", "sales_channel_name", "email", "event_date", "balance_due_date", "status", "total", "paid", "balance", "currency_code"],
  })
}
