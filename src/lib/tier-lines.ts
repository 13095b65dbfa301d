import { lineMetadata, RESERVED_LINE_METADATA_KEYS, reservedMetadataKeys, TierLineDraft } from "./cart-lines"

/** What the plugin decided about a cart or order line: the fields its rules read (see the tier_line model). */
export type TierLineRecord = Required<TierLineDraft> & {
  cart_id: string | null
  cart_line_item_id: string | null
  order_id: string | null
  order_line_item_id: string | null
  status: "active" | "pending" | "replaced"
}

/** A cart line as checkout sees it. */
export type CheckoutItem = {
  id: string
  title: string
  variant_id: string | null
  product_id: string | null
  quantity: number
  unit_price: number
  metadata: Record<string, unknown> | null
}

/** What the catalog says today, for the cart's sales channel. */
export type CatalogFacts = {
  sales_channel_id: string
  /** The product is a live tier's package (in any sales channel). */
  isPackage: (productId: string) => boolean
  /** The product is an add-on (some add-on rule names it). */
  isAddon: (productId: string) => boolean
  /** The product is published in the cart's sales channel. */
  sells: (productId: string) => boolean
  /** A visible tier's guest limit (null: none); undefined when the tier is no longer sold. */
  maxGuests: (tierId: string) => number | null | undefined
  /** How many units of an add-on product a tier takes; undefined when it takes none. */
  addonLimit: (tierId: string, productId: string) => number | undefined
}

/** JSON with object keys in order, so that two copies compare equal whatever order a database kept. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonical).join(",")}]`
  }
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`
  }
  return JSON.stringify(value ?? null)
}

/**
 * Whether a line's metadata still carries its record's display copy unchanged: what the order
 * will show (its date, guests, price breakdown) must be what the plugin decided.
 */
export function metadataMatches(record: TierLineRecord, metadata: Record<string, unknown> | null): boolean {
  const copy = lineMetadata(record) as Record<string, unknown>
  return RESERVED_LINE_METADATA_KEYS.every((key) => canonical(copy[key]) === canonical(metadata?.[key]))
}

/** A cart's lines paired with their records; records whose line is gone are left out. */
export function pairLines(items: CheckoutItem[], records: TierLineRecord[]) {
  const byLine = new Map(records.filter((r) => r.cart_line_item_id).map((r) => [r.cart_line_item_id!, r]))
  return items.map((item) => ({ item, record: byLine.get(item.id) ?? null }))
}

/**
 * Everything that makes a cart unfit to become an order, one message per line that names it:
 * a tier or add-on line that does not match its record (changed quantity, price, variant or
 * package details), an add-on without its package or over its limit, more guests than the tier
 * takes, a package or add-on sold as a plain line, and a product this store does not sell.
 * Dates and prices that moved since are checked apart (they are conflicts, not bad input).
 */
export function cartLineProblems(items: CheckoutItem[], records: TierLineRecord[], facts: CatalogFacts): string[] {
  const problems: string[] = []
  const pairs = pairLines(items, records)
  const liveTierRecords = new Map(pairs.filter((p) => p.record?.kind === "tier").map((p) => [p.record!.id, p.record!]))
  const addonUnits = new Map<string, number>()
  for (const { item, record } of pairs) {
    const name = item.title
    if (!record) {
      if (reservedMetadataKeys(item.metadata).length) {
        problems.push(`${name} carries package details but was not added through tier-items: remove it`)
      } else if (item.product_id && facts.isPackage(item.product_id)) {
        problems.push(`${name} is a package sold for a date: remove it and add it with tier-items`)
      } else if (item.product_id && facts.isAddon(item.product_id)) {
        problems.push(`${name} is an add-on: remove it and add it with its package through tier-items`)
      } else if (!item.product_id || !facts.sells(item.product_id)) {
        problems.push(`${name} is not sold by this store: remove it`)
      }
      continue
    }
    if (record.sales_channel_id !== facts.sales_channel_id) {
      problems.push(`${name} was added for another store: remove it`)
      continue
    }
    if (item.variant_id !== record.variant_id || !metadataMatches(record, item.metadata)) {
      problems.push(`${name} was changed outside tier-items: remove it and add it again`)
      continue
    }
    if (item.quantity !== record.quantity) {
      problems.push(
        record.kind === "tier"
          ? `${name} books one date per line: set its quantity back to 1 and add another date with tier-items`
          : `${name} was added ${record.quantity} time${record.quantity === 1 ? "" : "s"} with its package; its quantity cannot be changed to ${item.quantity}`
      )
      continue
    }
    if (item.unit_price !== record.unit_price) {
      problems.push(`${name} is at ${item.unit_price} but was priced ${record.unit_price}: remove it and add it again`)
      continue
    }
    if (!facts.sells(record.product_id)) {
      problems.push(`${name} is no longer sold by this store: remove it`)
      continue
    }
    if (record.kind === "tier") {
      const max = facts.maxGuests(record.tier_id)
      if (max === undefined) {
        problems.push(`${name} is no longer sold: remove it`)
      } else if (record.guest_count !== null && max !== null && record.guest_count > max) {
        problems.push(`${name} takes at most ${max} guests; this booking has ${record.guest_count}`)
      }
      continue
    }
    const parent = record.parent_id ? liveTierRecords.get(record.parent_id) : undefined
    if (!parent) {
      problems.push(`${name} is an add-on of a package that is no longer in the cart: remove it or add the package again`)
      continue
    }
    const key = `${parent.id}|${record.product_id}`
    addonUnits.set(key, (addonUnits.get(key) ?? 0) + record.quantity)
    const limit = facts.addonLimit(parent.tier_id, record.product_id)
    if (limit === undefined) {
      problems.push(`${name} is not an add-on this package can take`)
    } else if (addonUnits.get(key)! > limit) {
      problems.push(`${name} can be added at most ${limit} time${limit === 1 ? "" : "s"} to one package`)
    }
  }
  return problems
}

/** Add-on units hanging on each tier line record, counting only add-ons whose line is in the cart. */
export function addonUnitsByParent(records: TierLineRecord[]): Map<string, number> {
  const units = new Map<string, number>()
  for (const record of records) {
    if (record.kind === "addon" && record.parent_id) {
      units.set(record.parent_id, (units.get(record.parent_id) ?? 0) + record.quantity)
    }
  }
  return units
}
