import { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { sqlFilters } from "../../lib/sql"
import type { TierRevenue } from "../../lib/commission"
import { Conversion } from "./models/conversion"
import { ConversionLine } from "./models/conversion-line"
import { TierEvent } from "./models/tier-event"

export type ReportFilter = {
  /** Inclusive days, YYYY-MM-DD, each midnight to midnight in `time_zone`. */
  from: string
  to: string
  sales_channel_id?: string
  /** An IANA time zone: the tenant's, or UTC for every tenant together. */
  time_zone: string
}

export type ConversionInput = {
  order_id: string
  kind: "order" | "upgrade" | "reversal"
  reference: string
  sales_channel_id: string
  currency_code: string
  revenue: number
  addon_revenue: number
  commission: number
  upsell_offer_id?: string | null
  upsell_rule_id?: string | null
  experiment_id?: string | null
  experiment_key?: string | null
  experiment_variant?: string | null
  visitor_id?: string | null
  occurred_at: Date
  lines: { tier_line_key: string; segment_id: string; tier_id: string; revenue: number; addon_revenue: number; commission: number }[]
}

export type MoneyRow = { currency_code: string; orders: number; revenue: number; addon_revenue: number; commission: number }

const toNumber = (row: Record<string, unknown>, keys: string[]) => {
  const out: Record<string, unknown> = { ...row }
  for (const key of keys) out[key] = row[key] === null || row[key] === undefined ? 0 : Number(row[key])
  return out
}
const MONEY = ["orders", "revenue", "addon_revenue", "commission"]

/** Funnel events and conversions, with the aggregate reads the reports need (one SQL query each). */
export default class TierAnalyticsModuleService extends MedusaService({ TierEvent, Conversion, ConversionLine }) {
  /**
   * Records a conversion and its lines once per (order, reference): null when
   * it is already there. Two racing writers are settled by the unique index.
   */
  @InjectManager()
  async recordConversion(input: ConversionInput, @MedusaContext() sharedContext: Context = {}) {
    return await this.recordConversion_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async recordConversion_(input: ConversionInput, @MedusaContext() sharedContext: Context = {}) {
    const [existing] = await this.listConversions({ order_id: input.order_id, reference: input.reference }, { select: ["id"] }, sharedContext)
    if (existing) {
      return null
    }
    const { lines, ...fields } = input
    const conversion = await this.createConversions(fields, sharedContext)
    if (lines.length) {
      await this.createConversionLines(
        lines.map((l) => ({
          ...l,
          conversion_id: conversion.id,
          order_id: input.order_id,
          sales_channel_id: input.sales_channel_id,
          currency_code: input.currency_code,
          occurred_at: input.occurred_at,
        })),
        sharedContext
      )
    }
    return conversion
  }

  private where(filter: ReportFilter, column: string, alias: string) {
    const params: unknown[] = [filter.from, filter.time_zone, filter.to, filter.time_zone]
    // The bounds are the instants of the zone's midnights, so the column's index still serves.
    let sql = `${alias}.deleted_at is null and ${alias}.${column} >= (?::date::timestamp at time zone ?) and ${alias}.${column} < ((?::date + 1)::timestamp at time zone ?)`
    if (filter.sales_channel_id) {
      sql += ` and ${alias}.sales_channel_id = ?`
      params.push(filter.sales_channel_id)
    }
    return { sql, params }
  }

  /** Distinct visitors per funnel step, per segment, and over every segment together (`all_segments`). */
  @InjectManager()
  async funnelVisitors(filter: ReportFilter, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.manager as SqlEntityManager
    const w = this.where(filter, "created_at", "e")
    const rows = await manager.execute(
      `select e.segment_id, e.name, grouping(e.segment_id) = 1 as all_segments, count(distinct e.visitor_id) as visitors
       from tier_event e
       where ${w.sql} and e.name in ('segment_selected','tier_viewed','tier_compared','checkout_started')
       group by grouping sets ((e.segment_id, e.name), (e.name))`,
      w.params
    )
    return (rows as { segment_id: string | null; name: string; all_segments: boolean; visitors: string }[]).map((r) => ({
      segment_id: r.segment_id,
      name: r.name,
      all_segments: r.all_segments,
      visitors: Number(r.visitors),
    }))
  }

  /** Distinct visitors who viewed each tier. */
  @InjectManager()
  async tierViewers(filter: ReportFilter, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.manager as SqlEntityManager
    const w = this.where(filter, "created_at", "e")
    const rows = await manager.execute(
      `select e.tier_id, count(distinct e.visitor_id) as visitors from tier_event e
       where ${w.sql} and e.name = 'tier_viewed' and e.tier_id is not null group by e.tier_id`,
      w.params
    )
    return (rows as { tier_id: string; visitors: string }[]).map((r) => ({ tier_id: r.tier_id, visitors: Number(r.visitors) }))
  }

  /**
   * Net orders, revenue, add-on revenue and commission grouped by `by`
   * (segment, tier, or nothing), per currency. An order counts once per group;
   * a canceled order leaves its group's count.
   */
  @InjectManager()
  async revenueBy(filter: ReportFilter, by: "segment" | "tier" | "total", @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.manager as SqlEntityManager
    const w = this.where(filter, "occurred_at", "c")
    const keys = { segment: ["l.segment_id"], tier: ["l.segment_id", "l.tier_id"], total: [] as string[] }[by]
    const group = [...keys, "l.currency_code"].join(", ")
    const rows = await manager.execute(
      `select ${group},
         count(distinct case when c.kind = 'order' then c.order_id end)
           - count(distinct case when c.reference = 'canceled' then c.order_id end) as orders,
         sum(l.revenue) as revenue, sum(l.addon_revenue) as addon_revenue, sum(l.commission) as commission
       from conversion_line l join conversion c on c.id = l.conversion_id
       where ${w.sql} and l.deleted_at is null
       group by ${group} order by ${group}`,
      w.params
    )
    return rows.map((r: Record<string, unknown>) => toNumber(r, MONEY)) as (MoneyRow & { segment_id?: string; tier_id?: string })[]
  }

  /** Revenue and commission per order and segment (and tier): what the collected share of each order is taken of. */
  @InjectManager()
  async revenueByOrder(filter: ReportFilter, by: "segment" | "tier", @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.manager as SqlEntityManager
    const w = this.where(filter, "occurred_at", "c")
    const group = ["c.order_id", ...(by === "tier" ? ["l.segment_id", "l.tier_id"] : ["l.segment_id"]), "l.currency_code"].join(", ")
    const rows = await manager.execute(
      `select ${group}, sum(l.revenue) as revenue, sum(l.addon_revenue) as addon_revenue, sum(l.commission) as commission
       from conversion_line l join conversion c on c.id = l.conversion_id
       where ${w.sql} and l.deleted_at is null
       group by ${group}`,
      w.params
    )
    return rows.map((r: Record<string, unknown>) => toNumber(r, ["revenue", "addon_revenue", "commission"])) as {
      order_id: string
      segment_id: string
      tier_id?: string
      currency_code: string
      revenue: number
      addon_revenue: number
      commission: number
    }[]
  }

  /** Revenue and commission per period (day, week or month, in the filter's time zone) and segment. */
  @InjectManager()
  async revenueSeries(filter: ReportFilter, interval: "day" | "week" | "month", @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.manager as SqlEntityManager
    const w = this.where(filter, "occurred_at", "c")
    const rows = await manager.execute(
      `select to_char(date_trunc('${interval}', c.occurred_at at time zone ?), 'YYYY-MM-DD') as period,
         l.segment_id, l.currency_code, sum(l.revenue) as revenue, sum(l.commission) as commission
       from conversion_line l join conversion c on c.id = l.conversion_id
       where ${w.sql} and l.deleted_at is null
       group by 1, 2, 3 order by 1, 2, 3`,
      [filter.time_zone, ...w.params]
    )
    return rows.map((r: Record<string, unknown>) => toNumber(r, ["revenue", "commission"])) as {
      period: string
      segment_id: string
      currency_code: string
      revenue: number
      commission: number
    }[]
  }

  /** Net orders and revenue of the conversions that took an upsell offer, per rule. */
  @InjectManager()
  async revenueByRule(filter: ReportFilter, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.manager as SqlEntityManager
    const w = this.where(filter, "occurred_at", "c")
    const rows = await manager.execute(
      `select o.upsell_rule_id as rule_id, c.currency_code,
         count(distinct case when c.kind = 'order' then c.order_id end)
           - count(distinct case when c.reference = 'canceled' then c.order_id end) as orders,
         sum(c.revenue + c.addon_revenue) as revenue
       from conversion c join conversion o on o.order_id = c.order_id and o.kind = 'order' and o.deleted_at is null
       where ${w.sql} and o.upsell_rule_id is not null
       group by 1, 2`,
      w.params
    )
    return rows.map((r: Record<string, unknown>) => toNumber(r, ["orders", "revenue"])) as { rule_id: string; currency_code: string; orders: number; revenue: number }[]
  }

  /** Net orders and revenue per experiment variant (of the tenant, when given), all time. */
  @InjectManager()
  async experimentConversions(experimentIds: string[], salesChannelId: string | undefined, @MedusaContext() sharedContext: Context = {}) {
    if (!experimentIds.length) {
      return []
    }
    const manager = sharedContext.manager as SqlEntityManager
    const { list, extra: tenant, params } = sqlFilters(experimentIds, { column: "c.sales_channel_id", value: salesChannelId })
    const rows = await manager.execute(
      `select o.experiment_id, o.experiment_variant as variant, min(c.currency_code) as currency_code,
         count(distinct case when c.kind = 'order' then c.order_id end)
           - count(distinct case when c.reference = 'canceled' then c.order_id end) as orders,
         sum(c.revenue + c.addon_revenue) as revenue
       from conversion c join conversion o on o.order_id = c.order_id and o.kind = 'order' and o.deleted_at is null
       where c.deleted_at is null and o.experiment_id in (${list})${tenant}
       group by 1, 2`,
      params
    )
    return rows.map((r: Record<string, unknown>) => toNumber(r, ["orders", "revenue"])) as {
      experiment_id: string
      variant: string
      currency_code: string
      orders: number
      revenue: number
    }[]
  }

  /** The conversion lines recorded for an order, as the commission rules read them. */
  /** What an order has brought so far, order by order change: each change's totals were rounded once. */
  async recordedTotals(orderId: string): Promise<{ revenue: number; addon_revenue: number; commission: number }> {
    const rows = await this.listConversions({ order_id: orderId }, { select: ["revenue", "addon_revenue", "commission"] })
    const sum = (pick: (r: (typeof rows)[number]) => unknown) => rows.reduce((s, r) => s + Number(pick(r)), 0)
    return { revenue: sum((r) => r.revenue), addon_revenue: sum((r) => r.addon_revenue), commission: sum((r) => r.commission) }
  }

  async recordedLines(orderId: string): Promise<TierRevenue[]> {
    const rows = await this.listConversionLines({ order_id: orderId })
    return rows.map((l) => ({
      tier_line_key: l.tier_line_key,
      tier_id: l.tier_id,
      segment_id: l.segment_id,
      revenue: Number(l.revenue),
      addon_revenue: Number(l.addon_revenue),
      commission: Number(l.commission),
    }))
  }
}
