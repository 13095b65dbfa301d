/** One CSV field: quoted when it holds a comma, quote or line break; formulas neutralised for spreadsheets. */
function field(value: unknown): string {
  if (value === null || value === undefined) {
    return ""
  }
  let text = String(value)
  // A cell starting with = + - @ runs as a formula in spreadsheets; numbers stay numbers.
  if (typeof value === "string" && /^[=+\-@]/.test(text)) {
    text = `'${text}`
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** Rows as CSV (RFC 4180, CRLF line ends) with the given columns as header. */
export function toCsv<T extends Record<string, unknown>>(rows: T[], columns: (keyof T & string)[]): string {
  return [columns.join(","), ...rows.map((row) => columns.map((c) => field(row[c])).join(","))].join("\r\n") + "\r\n"
}
