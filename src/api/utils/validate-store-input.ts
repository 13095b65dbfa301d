import { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { zodValidator } from "@medusajs/framework"
import { z } from "@medusajs/framework/zod"
import { writtenRefusal } from "./written-messages"

/**
 * Validates a store route's query or body into `req.validatedQuery` / `req.validatedBody`.
 * Medusa's validateAndTransform* rebuild a strict copy of the schema on every request, which
 * costs the hot store reads more than their cached answer; here the schemas (already strict)
 * are used as they are. A refusal carries the messages the schema wrote (`writtenRefusal`), or
 * else is left to Medusa's zodValidator so that its message reads like every other route's.
 */
export function validateStoreInput(part: "query" | "body", schema: z.ZodType) {
  return async (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const input = part === "query" ? req.query : req.body
    const parsed = await schema.safeParseAsync(input)
    if (!parsed.success) {
      const written = writtenRefusal(parsed.error, input)
      if (written) {
        return next(written)
      }
      try {
        await zodValidator(schema, input)
      } catch (error) {
        return next(error)
      }
      return next(new MedusaError(MedusaError.Types.INVALID_DATA, "Invalid request"))
    }
    if (part === "query") {
      req.validatedQuery = parsed.data as Record<string, unknown>
    } else {
      req.validatedBody = parsed.data
    }
    next()
  }
}
