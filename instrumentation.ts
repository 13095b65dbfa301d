import { registerOtel } from "@medusajs/medusa"
import { BatchSpanProcessor, ConsoleSpanExporter } from "@medusajs/framework/opentelemetry/sdk-trace-node"
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http"
import { TenantSpanProcessor } from "./src/telemetry"

/**
 * Tracing of the dev app, off unless OTEL_TRACES_EXPORTER names an exporter: `otlp` (to
 * OTEL_EXPORTER_OTLP_ENDPOINT, default http://localhost:4318, e.g. a collector, Jaeger or Sentry's
 * OTLP endpoint) or `console`. Medusa's instrumentation names the spans (routes, middlewares,
 * workflows, steps, queries, PostgreSQL); the plugin's processor adds the tenant (README "Telemetry").
 */
export function register() {
  const kind = process.env.OTEL_TRACES_EXPORTER
  if (!kind || kind === "none") {
    return
  }
  if (kind !== "otlp" && kind !== "console") {
    throw new Error(`OTEL_TRACES_EXPORTER=${kind} is not an exporter this app knows: use otlp, console or none`)
  }
  const exporter = kind === "otlp" ? new OTLPTraceExporter() : new ConsoleSpanExporter()
  registerOtel({
    serviceName: process.env.OTEL_SERVICE_NAME || "tiered-storefront",
    spanProcessors: [new TenantSpanProcessor(), new BatchSpanProcessor(exporter)],
    instrument: { http: true, workflows: true, query: true, db: process.env.OTEL_INSTRUMENT_DB === "true" },
  })
}
