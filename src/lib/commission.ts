import { roundToMinor } from "./money"

/** An order (or cart) line as the commission and conversion rules read it. */
export type RevenueLine = {
  kind: "tier" | "addon"
  tier_line_key: string
  tier_id: string
  segment_id: string
  /** What the line costs in total (quantity included). */
  total: number
}

export type TierRevenue = {
  tier_line_key: string
  tier_id: string
  segment_id: string
  revenue: number
  addon_revenue: number
  /** Commission of this tier line and its add-ons, rounded for reports. */
  commission: number
}

export type OrderRevenue = {
  lines: TierRevenue[]
  revenue: number
  addon_revenue: number
  /** Sum over tier lines of total x segment rate, add-ons at their parent tier's segment rate, rounded once. */
  commission: number
}

/**
 * Revenue and commission of an order by tier line. An add-on goes with the
 * tier line of its `tier_line_key` (its parent's segment rate); one whose
 * parent is gone counts with its own tier and segment.
 */
export function orderRevenue(lines: RevenueLine[], commissionPercent: (segmentId: string) => number, currencyCode: string): OrderRevenue {
  const groups = new Map<string, { tier_id: string; segment_id: string; revenue: number; addon_revenue: number }>()
  for (const line of lines.filter((l) => l.kind === "tier")) {
    const group = groups.get(line.tier_line_key) ?? { tier_id: line.tier_id, segment_id: line.segment_id, revenue: 0, addon_revenue: 0 }
    group.revenue += line.total
    groups.set(line.tier_line_key, group)
  }
  for (const line of lines.filter((l) => l.kind === "addon")) {
    const group = groups.get(line.tier_line_key) ?? { tier_id: line.tier_id, segment_id: line.segment_id, revenue: 0, addon_revenue: 0 }
    group.addon_revenue += line.total
    groups.set(line.tier_line_key, group)
  }
  let exact = 0
  const result: TierRevenue[] = []
  for (const [key, g] of groups) {
    const commission = ((g.revenue + g.addon_revenue) * commissionPercent(g.segment_id)) / 100
    exact += commission
    result.push({
      tier_line_key: key,
      tier_id: g.tier_id,
      segment_id: g.segment_id,
      revenue: roundToMinor(g.revenue, currencyCode),
      addon_revenue: roundToMinor(g.addon_revenue, currencyCode),
      commission: roundToMinor(commission, currencyCode),
    })
  }
  return {
    lines: result,
    revenue: roundToMinor(result.reduce((s, l) => s + l.revenue, 0), currencyCode),
    addon_revenue: roundToMinor(result.reduce((s, l) => s + l.addon_revenue, 0), currencyCode),
    commission: roundToMinor(exact, currencyCode),
  }
}

/**
 * A share of an order's revenue reversed (a refund of `amount`), spread over
 * its lines in proportion to what each line brought; a cancellation reverses
 * everything. Amounts come back negative.
 */
export function reversal(order: OrderRevenue, amount: number | "all", currencyCode: string): OrderRevenue {
  const gross = order.revenue + order.addon_revenue
  const share = amount === "all" || gross <= 0 ? 1 : Math.min(1, amount / gross)
  const neg = (n: number) => -roundToMinor(n * share, currencyCode) || 0
  return {
    lines: order.lines.map((l) => ({ ...l, revenue: neg(l.revenue), addon_revenue: neg(l.addon_revenue), commission: neg(l.commission) })),
    revenue: neg(order.revenue),
    addon_revenue: neg(order.addon_revenue),
    commission: neg(order.commission),
  }
}

/** Sums recorded conversion lines per tier line and tier: what an order has brought so far. */
export function netByLine(lines: TierRevenue[], currencyCode: string): TierRevenue[] {
  const net = new Map<string, TierRevenue>()
  for (const line of lines) {
    const key = `${line.tier_line_key}|${line.tier_id}`
    const sum = net.get(key) ?? { ...line, revenue: 0, addon_revenue: 0, commission: 0 }
    sum.revenue += line.revenue
    sum.addon_revenue += line.addon_revenue
    sum.commission += line.commission
    net.set(key, sum)
  }
  return [...net.values()].map((l) => ({
    ...l,
    revenue: roundToMinor(l.revenue, currencyCode),
    addon_revenue: roundToMinor(l.addon_revenue, currencyCode),
    commission: roundToMinor(l.commission, currencyCode),
  }))
}

/**
 * What changed between what was recorded for an order and what it brings now
 * (after an upgrade): per tier line and tier, the difference; lines that did
 * not change are left out. Moving a tier line to another tier shows as the
 * old tier going down and the new one going up.
 */
export function revenueDelta(current: TierRevenue[], recorded: TierRevenue[], currencyCode: string): OrderRevenue {
  const before = new Map(netByLine(recorded, currencyCode).map((l) => [`${l.tier_line_key}|${l.tier_id}`, l]))
  const after = new Map(netByLine(current, currencyCode).map((l) => [`${l.tier_line_key}|${l.tier_id}`, l]))
  const lines: TierRevenue[] = []
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const a = after.get(key)
    const b = before.get(key)
    const base = (a ?? b)!
    const diff = (pick: (l: TierRevenue) => number) => roundToMinor((a ? pick(a) : 0) - (b ? pick(b) : 0), currencyCode)
    const line = { ...base, revenue: diff((l) => l.revenue), addon_revenue: diff((l) => l.addon_revenue), commission: diff((l) => l.commission) }
    if (line.revenue || line.addon_revenue || line.commission) {
      lines.push(line)
    }
  }
  const sum = (pick: (l: TierRevenue) => number) => roundToMinor(lines.reduce((s, l) => s + pick(l), 0), currencyCode)
  return { lines, revenue: sum((l) => l.revenue), addon_revenue: sum((l) => l.addon_revenue), commission: sum((l) => l.commission) }
}

/**
 * An order's lines as one OrderRevenue, from what was recorded (for reversals). The order's own
 * totals, when given, are the sums of its recorded changes (each rounded once), which the sum of
 * rounded line amounts can miss by a minor unit.
 */
export function asOrderRevenue(
  lines: TierRevenue[],
  currencyCode: string,
  totals?: { revenue: number; addon_revenue: number; commission: number }
): OrderRevenue {
  const net = netByLine(lines, currencyCode)
  const sum = (pick: (l: TierRevenue) => number) => roundToMinor(net.reduce((s, l) => s + pick(l), 0), currencyCode)
  if (totals) {
    return {
      lines: net,
      revenue: roundToMinor(totals.revenue, currencyCode),
      addon_revenue: roundToMinor(totals.addon_revenue, currencyCode),
      commission: roundToMinor(totals.commission, currencyCode),
    }
  }
  return { lines: net, revenue: sum((l) => l.revenue), addon_revenue: sum((l) => l.addon_revenue), commission: sum((l) => l.commission) }
}
