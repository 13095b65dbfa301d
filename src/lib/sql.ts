/** `in (?, ?, ...)` placeholders for a list, and an optional `and <column> = ?` filter, for raw report queries. */
export function sqlFilters(ids: string[], tenant: { column: string; value?: string }) {
  const params: unknown[] = [...ids]
  let extra = ""
  if (tenant.value) {
    extra = ` and ${tenant.column} = ?`
    params.push(tenant.value)
  }
  return { list: ids.map(() => "?").join(", "), extra, params }
}
