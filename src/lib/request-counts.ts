/** A minute's counts of a tenant's store requests, keyed by the minute's start (ms since the epoch). */
export type MinuteCount = { sales_channel_id: string; minute: number; requests: number; errors: number }

export const minuteOf = (ms: number) => Math.floor(ms / 60_000) * 60_000

/**
 * Counts store requests in memory, per tenant and minute, until drained into the database: a request
 * costs a map update, and a flush writes one row per tenant-minute however busy it was.
 */
export class RequestCounter {
  private counts = new Map<string, MinuteCount>()

  /** Counts an answered request of each of the key's tenants; a 5xx status counts as an error. */
  add(channels: string[], status: number, at: number) {
    const minute = minuteOf(at)
    for (const channel of channels) {
      const key = `${channel}|${minute}`
      const count = this.counts.get(key) ?? { sales_channel_id: channel, minute, requests: 0, errors: 0 }
      count.requests++
      if (status >= 500) count.errors++
      this.counts.set(key, count)
    }
  }

  get size() {
    return this.counts.size
  }

  /** The counts so far, forgotten here. */
  drain(): MinuteCount[] {
    const out = [...this.counts.values()]
    this.counts.clear()
    return out
  }

  /** Puts counts back (a failed write), added to what came in since. */
  restore(counts: MinuteCount[]) {
    for (const c of counts) {
      const key = `${c.sales_channel_id}|${c.minute}`
      const now = this.counts.get(key)
      this.counts.set(key, now ? { ...now, requests: now.requests + c.requests, errors: now.errors + c.errors } : { ...c })
    }
  }
}
