import { sdk } from "./sdk"
import { visitorId } from "./visitor"

/**
 * Reports the page's Largest Contentful Paint once (the store's page-load guardrail reads its p75).
 * The browser may raise the LCP until the visitor first interacts or leaves, so the last entry seen
 * by then is the page's; a browser without the entry type reports nothing.
 */
export function reportPageLoad() {
  if (typeof PerformanceObserver === "undefined" || !PerformanceObserver.supportedEntryTypes?.includes("largest-contentful-paint")) {
    return
  }
  let lcp: number | null = null
  let sent = false
  const observer = new PerformanceObserver((list) => {
    const entries = list.getEntries()
    if (entries.length) lcp = entries[entries.length - 1].startTime
  })
  observer.observe({ type: "largest-contentful-paint", buffered: true })
  const send = () => {
    if (sent || lcp === null) return
    sent = true
    observer.disconnect()
    const lcp_ms = lcp
    visitorId()
      .then((visitor_id) => sdk.tiered.events.pageLoad({ visitor_id, lcp_ms, path: location.pathname }))
      .catch(() => {})
  }
  for (const type of ["pointerdown", "keydown"]) addEventListener(type, send, { once: true, capture: true })
  addEventListener("visibilitychange", () => document.visibilityState === "hidden" && send())
  // A visitor who neither interacts nor leaves still counts, once the page has settled.
  setTimeout(send, 10_000)
}
