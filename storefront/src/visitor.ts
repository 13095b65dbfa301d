import { sdk } from "./sdk"

const KEY = "tiered_visitor_id"

let memory: string | null = null
let confirmed: Promise<string> | null = null

function kept(): string | null {
  try {
    return localStorage.getItem(KEY) ?? memory
  } catch {
    return memory
  }
}

/** Keeps the visitor id the store answered (it signs them; an id it did not sign is replaced). */
export function keepVisitorId(id: string) {
  memory = id
  try {
    localStorage.setItem(KEY, id)
  } catch {
    // Storage blocked (private mode): sticky for this page at least.
  }
}

/**
 * The visitor's id as the store signed it, kept in localStorage so every visit and order joins
 * the same funnel and experiment: confirmed with the store once per page load (a new visitor, or
 * an id the store no longer accepts, gets a fresh one).
 */
export function visitorId(): Promise<string> {
  confirmed ??= sdk.tiered
    .visitor({ ...(kept() ? { visitor_id: kept()! } : {}) })
    .then(({ visitor_id }) => {
      keepVisitorId(visitor_id)
      return visitor_id
    })
    .catch((error) => {
      confirmed = null
      throw error
    })
  return confirmed
}
