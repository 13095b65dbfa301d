import { Context, context, createContextKey, type Span } from "@medusajs/framework/opentelemetry/api"

/** The span attributes that name the tenant (the publishable key's sales channels) of a store request. */
export const TENANT_ATTRIBUTE = "tiered.sales_channel_id"
export const TENANT_CHANNELS_ATTRIBUTE = "tiered.sales_channel_ids"

const TENANT_KEY = createContextKey("tiered.tenant")

/** Runs `fn` in a context that names the tenant; every span started inside carries it. */
export function withTenant<T>(salesChannelIds: string[], fn: () => T): T {
  if (!salesChannelIds.length) {
    return fn()
  }
  return context.with(context.active().setValue(TENANT_KEY, [...salesChannelIds].sort()), fn)
}

/**
 * A span processor that writes the tenant of the context a span starts in onto the span: Medusa's
 * own spans (route handlers, middlewares, workflows, steps, queries, PostgreSQL) and the plugin's
 * alike. Register it with the exporter's processor (README "Telemetry").
 */
export class TenantSpanProcessor {
  onStart(span: Span, parentContext: Context): void {
    const channels = parentContext.getValue(TENANT_KEY) as string[] | undefined
    if (!channels) {
      return
    }
    span.setAttribute(TENANT_CHANNELS_ATTRIBUTE, channels)
    if (channels.length === 1) {
      span.setAttribute(TENANT_ATTRIBUTE, channels[0])
    }
  }

  onEnd(): void {}

  async forceFlush(): Promise<void> {}

  async shutdown(): Promise<void> {}
}
