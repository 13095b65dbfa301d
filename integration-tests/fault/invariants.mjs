// The invariants a crash must not break for good, checked straight in the database (Medusa's
// tables and the plugin's), as SQL: each rule answers the rows that break it.
//
// "before" is what a killed process left (pending claims count as checkouts in flight); "after"
// is once the reconciler ran, when nothing is in flight any more: no claim may stay pending and
// every booking of a live order must be that order's confirmed booking.

const LIVE = `('pending', 'confirmed', 'completed')`

// Orders that count: placed (not canceled, not drafts) and not deleted.
const LIVE_ORDERS = `select o.id, o.version, o.sales_channel_id from "order" o where o.deleted_at is null and o.status <> 'canceled' and o.is_draft_order = false`

// The tier records an order's package lines stand for: those its current lines carry (quantity
// above 0), and those the plugin pointed at the order; only `active` ones hold a date.
const ORDER_RECORDS = `
  select distinct o.id as order_id, t.id as record_id, t.event_date
  from (${LIVE_ORDERS}) o
  join order_item oi on oi.order_id = o.id and oi.version = o.version and oi.deleted_at is null and oi.quantity > 0
  join order_line_item li on li.id = oi.item_id and li.deleted_at is null
  join tier_line t on t.id = li.metadata->>'tier_line_id' and t.deleted_at is null
  where t.kind = 'tier' and t.status = 'active'
  union
  select distinct o.id, t.id, t.event_date
  from (${LIVE_ORDERS}) o
  join tier_line t on t.order_id = o.id and t.deleted_at is null
  where t.kind = 'tier' and t.status = 'active'`

// An order flagged for the merchant and not yet resolved.
const OPEN_FLAG = (orderColumn) =>
  `exists (select 1 from booking_repair f where f.order_id = ${orderColumn} and f.needs_attention and f.resolved_at is null and f.deleted_at is null)`

// Orders with at least one package or add-on line (a line carrying a tier record id).
const HAS_PACKAGES = (orderColumn) => `exists (
  select 1 from order_item oi join order_line_item li on li.id = oi.item_id
  where oi.order_id = ${orderColumn} and oi.deleted_at is null and li.metadata ? 'tier_line_id')`

const RULES = [
  {
    name: "placed order with a package but no live booking (and no open flag)",
    sql: `select r.order_id, r.record_id, r.event_date from (${ORDER_RECORDS}) r
      where not exists (select 1 from booking b where b.tier_line_id = r.record_id and b.deleted_at is null and b.status in ${LIVE})
        and not ${OPEN_FLAG("r.order_id")}`,
  },
  {
    name: "confirmed booking without a live order",
    sql: `select b.id, b.status, b.order_id, b.event_date from booking b
      where b.deleted_at is null and b.status = 'confirmed'
        and not exists (select 1 from (${LIVE_ORDERS}) o where o.id = b.order_id)`,
  },
  {
    name: "claim (pending booking) of a checkout whose order was canceled",
    sql: `select b.id, b.cart_id, b.event_date from booking b
      where b.deleted_at is null and b.status = 'pending'
        and exists (select 1 from order_cart oc join "order" o on o.id = oc.order_id
                    where oc.cart_id = b.cart_id and oc.deleted_at is null and o.status = 'canceled')`,
  },
  {
    name: "live booking of a tier record that is not active (replaced, pending or gone)",
    sql: `select b.id, b.status, b.tier_line_id, t.status as record_status from booking b
      left join tier_line t on t.id = b.tier_line_id and t.deleted_at is null
      where b.deleted_at is null and b.status in ('pending', 'confirmed') and b.tier_line_id is not null
        and (t.id is null or t.status <> 'active')`,
  },
  {
    name: "date over capacity",
    sql: `select b.sales_channel_id, b.event_date, b.pool, count(*)::int as booked,
        coalesce(case when b.pool = '' then null else co.capacity end, s.capacity_per_date, 1) as capacity
      from booking b
      left join availability_settings s on s.sales_channel_id = b.sales_channel_id and s.deleted_at is null
      left join capacity_override co on co.sales_channel_id = b.sales_channel_id and co.product_id = b.pool and co.deleted_at is null
      where b.deleted_at is null and b.status in ${LIVE}
      group by b.sales_channel_id, b.event_date, b.pool, co.capacity, s.capacity_per_date
      having count(*) > coalesce(case when b.pool = '' then null else co.capacity end, s.capacity_per_date, 1)`,
  },
  {
    name: "placed order with packages without exactly one placed conversion",
    sql: `select o.id, (select count(*)::int from conversion c where c.order_id = o.id and c.reference = 'placed' and c.deleted_at is null) as placed
      from (${LIVE_ORDERS}) o
      where ${HAS_PACKAGES("o.id")}
        and (select count(*) from conversion c where c.order_id = o.id and c.reference = 'placed' and c.deleted_at is null) <> 1`,
  },
  {
    name: "canceled order without exactly one reversal of its placed conversion",
    sql: `select o.id, p.n as placed, r.n as reversals from "order" o
      cross join lateral (select count(*)::int as n from conversion c where c.order_id = o.id and c.reference = 'placed' and c.deleted_at is null) p
      cross join lateral (select count(*)::int as n from conversion c where c.order_id = o.id and c.reference = 'canceled' and c.deleted_at is null) r
      where o.deleted_at is null and o.status = 'canceled' and (p.n > 1 or r.n <> p.n)`,
  },
  {
    name: "cart completed without an order",
    sql: `select c.id, c.completed_at from cart c
      where c.deleted_at is null and c.completed_at is not null
        and not exists (select 1 from order_cart oc where oc.cart_id = c.id and oc.deleted_at is null)`,
  },
  {
    name: "placed order whose cart is not completed",
    sql: `select o.id as order_id, c.id as cart_id from (${LIVE_ORDERS}) o
      join order_cart oc on oc.order_id = o.id and oc.deleted_at is null
      join cart c on c.id = oc.cart_id
      where c.completed_at is null`,
  },
  {
    name: "placed order with packages not linked to its cart (and no open flag)",
    sql: `select o.id from (${LIVE_ORDERS}) o
      where ${HAS_PACKAGES("o.id")}
        and not exists (select 1 from order_cart oc where oc.order_id = o.id and oc.deleted_at is null)
        and not ${OPEN_FLAG("o.id")}`,
  },
]

// Once the reconciler ran with no request in flight, nothing may be left half-way.
const AFTER_RULES = [
  {
    name: "claim still pending after the reconciler",
    sql: `select b.id, b.cart_id, b.event_date, b.created_at from booking b where b.deleted_at is null and b.status = 'pending'`,
  },
  {
    name: "order upgrade record still pending after the reconciler",
    sql: `select t.id, t.order_id from tier_line t where t.deleted_at is null and t.status = 'pending' and t.order_id is not null`,
  },
  {
    name: "package of a placed order whose booking is not its own confirmed booking (and no open flag)",
    sql: `select r.order_id, r.record_id, b.id as booking_id, b.status, b.order_id as booking_order from (${ORDER_RECORDS}) r
      join booking b on b.tier_line_id = r.record_id and b.deleted_at is null and b.status in ${LIVE}
      where (b.status = 'pending' or b.order_id is distinct from r.order_id)
        and not ${OPEN_FLAG("r.order_id")}`,
  },
]

/**
 * Checks the invariants. `sql(text, params)` answers rows. Answers [{ name, count, sample }] for the
 * rules broken (empty when all hold).
 */
export async function checkInvariants(sql, { after = false } = {}) {
  const broken = []
  for (const rule of [...RULES, ...(after ? AFTER_RULES : [])]) {
    const rows = await sql(rule.sql)
    if (rows.length) {
      broken.push({ name: rule.name, count: rows.length, sample: rows.slice(0, 3) })
    }
  }
  return broken
}

export const violationCount = (broken) => broken.reduce((n, b) => n + b.count, 0)

/** One line per broken rule, with a few of the rows that break it. */
export function formatViolations(broken, indent = "      ") {
  return broken.map((b) => `${indent}${b.count} x ${b.name}: ${JSON.stringify(b.sample)}`).join("\n")
}
