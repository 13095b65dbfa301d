import { MedusaResponse } from "@medusajs/framework/http"
import { toCsv } from "../../../lib/csv"

/** JSON as it is, or the report's main rows as a CSV download. */
export function respond<B, T extends Record<string, unknown>>(
  res: MedusaResponse<B>,
  format: "json" | "csv",
  body: B,
  csv: { name: string; rows: T[]; columns: (keyof T & string)[] }
) {
  if (format === "json") {
    res.json(body)
    return
  }
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="${csv.name}.csv"`)
  // A CSV body, which the route's JSON type does not describe.
  ;(res as MedusaResponse).send(toCsv(csv.rows, csv.columns))
}
