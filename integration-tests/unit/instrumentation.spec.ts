import { trace } from "@medusajs/framework/opentelemetry/api"
import { register } from "../../instrumentation"

describe("the dev app's instrumentation", () => {
  const saved = process.env.OTEL_TRACES_EXPORTER
  afterEach(() => {
    if (saved === undefined) {
      delete process.env.OTEL_TRACES_EXPORTER
    } else {
      process.env.OTEL_TRACES_EXPORTER = saved
    }
  })

  it("registers nothing unless an exporter is named", () => {
    for (const value of [undefined, "none"]) {
      if (value === undefined) {
        delete process.env.OTEL_TRACES_EXPORTER
      } else {
        process.env.OTEL_TRACES_EXPORTER = value
      }
      register()
      // No tracer provider was registered: spans are the API's no-op ones.
      expect(trace.getTracer("check").startSpan("x").isRecording()).toBe(false)
    }
  })

  it("refuses an exporter it does not know, naming the ones it does", () => {
    process.env.OTEL_TRACES_EXPORTER = "jaeger"
    expect(() => register()).toThrow("OTEL_TRACES_EXPORTER=jaeger is not an exporter this app knows: use otlp, console or none")
  })
})
