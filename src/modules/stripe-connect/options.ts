import { z } from "@medusajs/framework/zod"

const ConnectOptions = z
  .object({
    stripeConnect: z
      .object({
        /** The platform's secret key. */
        apiKey: z.string().min(1),
        /** Signing secret of the Connect webhook endpoint (account.updated). */
        webhookSecret: z.string().min(1),
        /** Where a merchant returns from onboarding, and where an expired link sends them. */
        returnUrl: z.string().url().optional(),
        refreshUrl: z.string().url().optional(),
        /** Another Stripe API host (a local double in tests, a proxy). */
        apiHost: z.string().min(1).optional(),
        apiPort: z.number().int().positive().optional(),
        apiProtocol: z.enum(["http", "https"]).optional(),
      })
      .strict()
      .optional(),
  })
  .passthrough()

export type StripeConnectSettings = NonNullable<z.infer<typeof ConnectOptions>["stripeConnect"]>

/** The Connect settings from the plugin options (null when Connect is not set up), or what is wrong with them. */
export function parseConnectOptions(options: unknown): { settings: StripeConnectSettings | null } | { problems: string[] } {
  const parsed = ConnectOptions.safeParse(options ?? {})
  if (!parsed.success) {
    return { problems: parsed.error.issues.map((i) => `${i.path.join(".") || "options"}: ${i.message}`) }
  }
  return { settings: parsed.data.stripeConnect ?? null }
}
