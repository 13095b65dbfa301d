import type { ConnectedAccount } from "../../../contract/admin"
import { asJson } from "../../utils/as-json"
import type { ConnectedAccountRow } from "../../../modules/stripe-connect/service"

/** A connected account as the admin reads it. */
export function toAdminAccount(
  row: Omit<ConnectedAccountRow, "requirements_due" | "status_as_of"> & { requirements_due: unknown; status_as_of?: Date | null }
): ConnectedAccount {
  return {
    id: row.id,
    sales_channel_id: row.sales_channel_id,
    stripe_account_id: row.stripe_account_id,
    details_submitted: row.details_submitted,
    charges_enabled: row.charges_enabled,
    payouts_enabled: row.payouts_enabled,
    requirements_due: (row.requirements_due as string[]) ?? [],
    status_updated_at: asJson(row.status_updated_at),
    status_as_of: asJson(row.status_as_of ?? null),
    can_take_payments: row.charges_enabled,
  }
}
