const KEY = "tiered_visitor_id"

function newId(): string {
  if (typeof crypto.randomUUID === "function") {
    return crypto.randomUUID()
  }
  // Outside a secure context (plain http on a LAN address) randomUUID is missing.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("")
}

let memory: string | null = null

/** The visitor's id, kept in localStorage so every visit and order joins the same funnel and experiment. */
export function visitorId(): string {
  try {
    let id = localStorage.getItem(KEY)
    if (!id) {
      id = newId()
      localStorage.setItem(KEY, id)
    }
    return id
  } catch {
    // Storage blocked (private mode): sticky for this page at least.
    memory ??= newId()
    return memory
  }
}
