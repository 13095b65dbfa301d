import type { Tenant } from "./fixtures"

type Api = { post: (path: string, body: unknown, options: { headers: Record<string, string> }) => Promise<{ data: any }> }
type AdminApi = { get: (path: string, options: { headers: Record<string, string> }) => Promise<{ data: any }> }

/** A visitor id the server signed, as a storefront gets one when it starts. */
export async function newVisitor(api: Api, tenant: Tenant): Promise<string> {
  return (await api.post("/store/tiered/visitor", {}, tenant.headers)).data.visitor_id
}

/**
 * Signed visitor ids, one in each wanted variant of an experiment (null = outside its traffic),
 * found the way an attacker cannot: by asking the server for fresh ids until each bucket is hit.
 */
export async function visitorsByVariant(
  api: Api & AdminApi,
  tenant: Tenant,
  admin: { headers: Record<string, string> },
  experimentId: string,
  wanted: (string | null)[]
): Promise<Record<string, string>> {
  const found: Record<string, string> = {}
  for (let i = 0; i < 200 && wanted.some((w) => !found[String(w)]); i++) {
    const visitor = await newVisitor(api, tenant)
    const { variant } = (await api.get(`/admin/experiments/${experimentId}/assignment?visitor_id=${encodeURIComponent(visitor)}`, admin)).data
    found[String(variant)] ??= visitor
  }
  for (const w of wanted) {
    if (!found[String(w)]) throw new Error(`no visitor in ${w} after 200 tries`)
  }
  return found
}
