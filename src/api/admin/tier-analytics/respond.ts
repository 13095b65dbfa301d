import { MedusaResponse } from "@medusajs/framework/http"
import { toCsv } from "../../../lib/csv"

/** JSON as it is, or the report's main rows as a CSV download. */
export function respond<T extends Record<string, unknown>>(
  res: MedusaResponse,
  format: "json" | "csv",
  body: unknown,
  csv: { name: string; rows: T[]; columns: (keyof T & string)[] }
) {
  if (format === "json") {
    res.json(body)
    return
  }
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="${csv.name}.csv"`)
  res.send(toCsv(csv.rows, csv.columns))
}
