/** Where the storefront finds its store: set at build time from VITE_MEDUSA_* variables. */
export const config = {
  backendUrl: import.meta.env.VITE_MEDUSA_BACKEND_URL || "http://localhost:9000",
  publishableKey: import.meta.env.VITE_MEDUSA_PUBLISHABLE_KEY || "",
  regionId: import.meta.env.VITE_MEDUSA_REGION_ID || "",
}

/** The variables the storefront cannot work without, when they are missing. */
export const missingConfig = [
  ...(config.publishableKey ? [] : ["VITE_MEDUSA_PUBLISHABLE_KEY"]),
  ...(config.regionId ? [] : ["VITE_MEDUSA_REGION_ID"]),
]
