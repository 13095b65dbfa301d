import { defineConfig } from "@medusajs/framework/utils"

// A merchant's app: nothing of its own, only the plugin as installed from its package.
module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: "http://localhost:8000",
      adminCors: "http://localhost:9000",
      authCors: "http://localhost:9000",
      jwtSecret: "package-test",
      cookieSecret: "package-test",
    },
  },
  // The admin bundle is not what this test checks, and building it costs a minute.
  admin: { disable: true },
  plugins: [{ resolve: "medusa-plugin-tiered-storefront", options: {} }],
})
