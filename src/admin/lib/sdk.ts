import Medusa from "@medusajs/js-sdk"

// The dashboard is served by the same server as the API, so a relative base URL works unless a
// separate backend URL is configured at build time.
export const sdk = new Medusa({
  baseUrl: import.meta.env.VITE_BACKEND_URL || "/",
  auth: { type: "session" },
})
