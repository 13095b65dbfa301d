import { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { findInputProblem, findPathProblem, findQueryKeyProblem } from "../../lib/control-characters"

/**
 * Refuses (400, naming the field) a request whose path, query or JSON body holds a control
 * character other than tab, line feed and carriage return, nests too deep, or names a query
 * parameter nested more than two levels (Medusa's query parsing answers that 500). PostgreSQL
 * refuses NUL in text, so without this a NUL in an id reached SQL and answered 500. The raw
 * body a webhook's signature is checked against is left as it came.
 */
export function refuseControlCharacters(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const problem =
    findPathProblem(req.originalUrl.split("?")[0]) ??
    findQueryKeyProblem(req.query) ??
    findInputProblem(req.query, "query") ??
    (req.body === undefined || Buffer.isBuffer(req.body) ? null : findInputProblem(req.body, "body"))
  if (problem) {
    return next(new MedusaError(MedusaError.Types.INVALID_DATA, problem.message))
  }
  next()
}

/**
 * Express refuses a path it cannot percent-decode with a URIError marked 400 before any
 * middleware of ours runs; Medusa's error handler does not know it and answers 500. This
 * turns it into Medusa's 400.
 */
export function asInvalidPath(err: unknown): unknown {
  const status = (err as { status?: unknown } | null)?.status
  if (err instanceof URIError && status === 400) {
    return new MedusaError(MedusaError.Types.INVALID_DATA, "The request path is not valid percent-encoding")
  }
  return err
}
