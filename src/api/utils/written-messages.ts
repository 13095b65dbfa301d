import { MedusaNextFunction, MedusaRequest, MedusaResponse, validateAndTransformBody } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"

const english = z.locales.en()

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>((value, key) => (value && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[key] : undefined), input)
}

/**
 * The refusal our schemas wrote for a request ("compare at least 2 tiers"), each naming its
 * field, or null when every issue carries zod's own message. Medusa's formatter rewrites the
 * messages of size, enum and type checks into its generic ones ("Value for field 'tier_ids' too
 * small"), which would hide ours; zod's own messages are left to it, so they read like every
 * other route's.
 */
export function writtenRefusal(error: z.ZodError, input: unknown): MedusaError | null {
  // A value of the wrong type fails its size checks too (zod runs them on a string's length): the
  // type is what the client needs to hear about.
  const wrongType = error.issues.filter((issue) => issue.code === "invalid_type").map((issue) => issue.path.join("."))
  const written = error.issues.filter((issue) => {
    const path = issue.path.join(".")
    if (issue.code !== "invalid_type" && wrongType.some((p) => path === p || path.startsWith(`${p}.`) || p === "")) {
      return false
    }
    try {
      const own = english.localeError({ ...issue, input: valueAt(input, issue.path) } as Parameters<typeof english.localeError>[0])
      return issue.message !== (typeof own === "string" ? own : own?.message)
    } catch {
      // An issue zod's English messages cannot word: not one of ours.
      return false
    }
  })
  if (!written.length) {
    return null
  }
  const messages = written.slice(0, 3).map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
  return new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${messages.join("; ")}`)
}

/**
 * Medusa's body validation (`req.validatedBody`, unknown fields refused), whose refusal carries
 * the messages the schema wrote when it has any. The schema runs a second time only on a refusal.
 */
export function validateBody(schema: z.ZodType) {
  const medusa = validateAndTransformBody(schema)
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) =>
    medusa(req, res, async (error?: unknown) => {
      if (error instanceof MedusaError && error.type === MedusaError.Types.INVALID_DATA) {
        const parsed = await schema.safeParseAsync(req.body)
        const written = parsed.success ? null : writtenRefusal(parsed.error, req.body)
        return next(written ?? error)
      }
      return next(error)
    })
}
