import { Context } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { sqlFilters } from "../../lib/sql"
import { RequestCounter } from "../../lib/request-counts"
import type { TierRevenue } from "../../lib/commission"
import { Conversion } from "./models/conversion"
import { ConversionLine } from "./models/conversion-line"
import { StoreRequestBucket } from "./models/store-request-bucket"
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
/** Counts of the plugin's store requests of a tenant in one minute (`minute` at its start). */
export type StoreRequestCount = { sales_channel_id: string; minute: Date; requests: number; errors: number }

/** Tenants and a half-open time range [since, until) of a rollout guardrail's read. */
export type WindowFilter = { sales_channel_ids: string[]; since: Date; until: Date }

/** How long store request counts wait in memory before they are written. */
const FLUSH_AFTER_MS = 5_000

export default class TierAnalyticsModuleService extends MedusaService({ TierEvent, Conversion, ConversionLine, StoreRequestBucket }) {
  protected readonly requests_ = new RequestCounter()
  protected flushTimer_: ReturnType<typeof setTimeout> | null = null

  /**
   * Counts an answered store request of the plugin for the key's tenants (README "Staged rollout"):
   * in memory, written within a few seconds, so the request itself never waits on it.
   */
  async countStoreRequest(salesChannelIds: string[], status: number): Promise<void> {
    this.requests_.add(salesChannelIds, status, Date.now())
    if (!this.flushTimer_) {
      this.flushTimer_ = setTimeout(() => {
        // A failed write keeps the counts for the next one.
        this.flushStoreRequestCounts().catch(() => {})
      }, FLUSH_AFTER_MS)
      this.flushTimer_.unref?.()
    }
  }

  /** Writes the counts waiting in memory (the guardrails' job does before it reads). */
  async flushStoreRequestCounts() {
    if (this.flushTimer_) clearTimeout(this.flushTimer_)
    this.flushTimer_ = null
    const counts = this.requests_.drain()
    try {
      await this.addStoreRequestCounts(counts.map((c) => ({ ...c, minute: new Date(c.minute) })))
    } catch (e) {
      this.requests_.restore(counts)
      throw e
    }
  }

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

  /**
   * Net orders and revenue per experiment variant (of the tenant, when given), all time, summed per
   * visitor first (an order without a visitor counts as its own): the visitors who converted, and the
   * sum of each visitor's net revenue squared, which gives revenue per visitor its variance.
   */
  @InjectManager()
  async experimentConversions(experimentIds: string[], salesChannelId: string | undefined, @MedusaContext() sharedContext: Context = {}) {
    if (!experimentIds.length) {
      return []
    }
    const manager = sharedContext.manager as SqlEntityManager
    const { list, extra: tenant, params } = sqlFilters(experimentIds, { column: "c.sales_channel_id", value: salesChannelId })
    const rows = await manager.execute(
      `select experiment_id, variant, min(currency_code) as currency_code, sum(orders) as orders,
         count(*) filter (where orders > 0) as converted_visitors,
         sum(revenue) as revenue, sum(revenue * revenue) as revenue_sum_of_squares
       from (
         select o.experiment_id, o.experiment_variant as variant, coalesce(o.visitor_id, o.order_id) as unit,
           min(c.currency_code) as currency_code,
           count(distinct case when c.kind = 'order' then c.order_id end)
             - count(distinct case when c.reference = 'canceled' then c.order_id end) as orders,
           sum(c.revenue + c.addon_revenue) as revenue
         from conversion c join conversion o on o.order_id = c.order_id and o.kind = 'order' and o.deleted_at is null
         where c.deleted_at is null and o.experiment_id in (${list})${tenant}
         group by 1, 2, 3
       ) per_visitor
       group by 1, 2`,
      params
    )
    return rows.map((r: Record<string, unknown>) => toNumber(r, ["orders", "converted_visitors", "revenue", "revenue_sum_of_squares"])) as {
      experiment_id: string
      variant: string
      currency_code: string
      orders: number
      converted_visitors: number
      revenue: number
      revenue_sum_of_squares: number
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

  /** Adds counts to their minute's row (one statement, however many rows): concurrent writers add up. */
  @InjectManager()
  async addStoreRequestCounts(counts: StoreRequestCount[], @MedusaContext() sharedContext: Context = {}) {
    // One statement may update a row only once: rows of the same tenant-minute are added up first.
    const merged = new Map<string, StoreRequestCount>()
    for (const c of counts) {
      const key = `${c.sales_channel_id}|${c.minute.getTime()}`
      const seen = merged.get(key)
      merged.set(key, seen ? { ...seen, requests: seen.requests + c.requests, errors: seen.errors + c.errors } : c)
    }
    counts = [...merged.values()]
    if (!counts.length) return
    const manager = sharedContext.manager as SqlEntityManager
    const params = counts.flatMap((c) => [generateEntityId(undefined, "srb"), c.sales_channel_id, c.minute, c.requests, c.errors])
    await manager.execute(
      `insert into store_request_bucket (id, sales_channel_id, minute, requests, errors)
       values ${counts.map(() => "(?, ?, ?, ?, ?)").join(", ")}
       on conflict (sales_channel_id, minute) where deleted_at is null
       do update set requests = store_request_bucket.requests + excluded.requests,
                     errors = store_request_bucket.errors + excluded.errors, updated_at = now()`,
      params
    )
  }

  /** Store requests and 5xx answers of the tenants, minutes starting in the range. */
  @InjectManager()
  async storeRequestTotals(filter: WindowFilter, @MedusaContext() sharedContext: Context = {}) {
    if (!filter.sales_channel_ids.length) return { requests: 0, errors: 0 }
    const manager = sharedContext.manager as SqlEntityManager
    const f = sqlFilters(filter.sales_channel_ids, { column: "" })
    const [row] = await manager.execute(
      `select coalesce(sum(requests), 0) as requests, coalesce(sum(errors), 0) as errors from store_request_bucket
       where deleted_at is null and sales_channel_id in (${f.list}) and minute >= ? and minute < ?`,
      [...f.params, filter.since, filter.until]
    )
    return { requests: Number(row.requests), errors: Number(row.errors) }
  }

  /** Requests and 5xx per minute of the tenants over the range, oldest first (the Rollout page's chart). */
  @InjectManager()
  async storeRequestSeries(filter: WindowFilter, @MedusaContext() sharedContext: Context = {}) {
    if (!filter.sales_channel_ids.length) return []
    const manager = sharedContext.manager as SqlEntityManager
    const f = sqlFilters(filter.sales_channel_ids, { column: "" })
    const rows = await manager.execute(
      `select minute, sum(requests) as requests, sum(errors) as errors from store_request_bucket
       where deleted_at is null and sales_channel_id in (${f.list}) and minute >= ? and minute < ?
       group by minute order by minute`,
      [...f.params, filter.since, filter.until]
    )
    return (rows as { minute: Date; requests: string; errors: string }[]).map((r) => ({
      minute: new Date(r.minute).toISOString(),
      requests: Number(r.requests),
      errors: Number(r.errors),
    }))
  }

  /** Forgets request counts of minutes before `before`. */
  @InjectManager()
  async pruneStoreRequestCounts(before: Date, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.manager as SqlEntityManager
    await manager.execute(`delete from store_request_bucket where minute < ?`, [before])
  }

  /**
   * Visitors of the tenants who viewed a tier in the range, and how many of them placed an order
   * there in the range (the rollout's conversion guardrail).
   */
  @InjectManager()
  async tierViewConversion(filter: WindowFilter, @MedusaContext() sharedContext: Context = {}) {
    if (!filter.sales_channel_ids.length) return { visitors: 0, conversions: 0 }
    const manager = sharedContext.manager as SqlEntityManager
    const f = sqlFilters(filter.sales_channel_ids, { column: "" })
    const range = [filter.since, filter.until]
    const [row] = await manager.execute(
      `with viewers as (
         select distinct e.visitor_id from tier_event e
         where e.deleted_at is null and e.name = 'tier_viewed' and e.sales_channel_id in (${f.list})
           and e.created_at >= ? and e.created_at < ?)
       select count(*) as visitors,
              count(*) filter (where exists (
                select 1 from conversion c
                where c.visitor_id = v.visitor_id and c.kind = 'order' and c.deleted_at is null
                  and c.sales_channel_id in (${f.list}) and c.occurred_at >= ? and c.occurred_at < ?)) as conversions
       from viewers v`,
      [...f.params, ...range, ...f.params, ...range]
    )
    return { visitors: Number(row.visitors), conversions: Number(row.conversions) }
  }

  /** Page loads the tenants' storefronts reported in the range, and the 75th percentile of their LCP. */
  @InjectManager()
  async pageLoads(filter: WindowFilter, @MedusaContext() sharedContext: Context = {}) {
    if (!filter.sales_channel_ids.length) return { samples: 0, p75_ms: null }
    const manager = sharedContext.manager as SqlEntityManager
    const f = sqlFilters(filter.sales_channel_ids, { column: "" })
    const [row] = await manager.execute(
      `select count(*) as samples,
              percentile_disc(0.75) within group (order by (e.properties->>'lcp_ms')::numeric) as p75
       from tier_event e
       where e.deleted_at is null and e.name = 'page_load' and e.sales_channel_id in (${f.list})
         and e.created_at >= ? and e.created_at < ?`,
      [...f.params, filter.since, filter.until]
    )
    return { samples: Number(row.samples), p75_ms: row.p75 === null ? null : Number(row.p75) }
  }
}
