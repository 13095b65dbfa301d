/** A connected account as the admin reads it. */
export function toAdminAccount(row: {
  id: string
  sales_channel_id: string
  stripe_account_id: string
  details_submitted: boolean
  charges_enabled: boolean
  payouts_enabled: boolean
  requirements_due: unknown
  status_updated_at: Date | null
  status_as_of?: Date | null
}) {
  return {
    id: row.id,
    sales_channel_id: row.sales_channel_id,
    stripe_account_id: row.stripe_account_id,
    details_submitted: row.details_submitted,
    charges_enabled: row.charges_enabled,
    payouts_enabled: row.payouts_enabled,
    requirements_due: (row.requirements_due as string[]) ?? [],
    status_updated_at: row.status_updated_at,
    status_as_of: row.status_as_of ?? null,
    can_take_payments: row.charges_enabled,
  }
}
