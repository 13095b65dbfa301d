// Latency figures of one load run, and the table the benchmarks print.

/** The value at percentile `p` (0-100) of sorted numbers (nearest rank). */
export function percentile(sorted, p) {
  if (!sorted.length) return NaN
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]
}

/** req/s and latency percentiles (ms) of one run's response times over `seconds`. */
export function summarize(latencies, seconds) {
  const sorted = [...latencies].sort((a, b) => a - b)
  return {
    requests: sorted.length,
    rps: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  }
}

export function formatTable(rows) {
  const header = ["endpoint", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "server CPU ms/req"]
  const lines = rows.map((r) => [
    r.name,
    String(r.requests),
    r.rps.toFixed(0),
    r.p50.toFixed(1),
    r.p95.toFixed(1),
    r.p99.toFixed(1),
    r.cpuPerRequest.toFixed(2),
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)))
  const row = (cells) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ")} |`
  return [row(header), `|${widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`, ...lines.map(row)].join("\n")
}
