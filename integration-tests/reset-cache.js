// Each test starts from a database restored behind the app's back (no module events), so the
// store reads the Caching module holds from an earlier test would be stale: drop them all.
const { MedusaModule } = require("@medusajs/framework/modules-sdk")

beforeEach(async () => {
  const instance = MedusaModule.getModuleInstance("caching")
  const caching = instance && (instance.caching ?? instance)
  if (typeof caching?.clear !== "function") {
    throw new Error("The app under test has no Caching module to reset (medusa-config.ts registers it)")
  }
  await caching.clear({ tags: ["*"] })
})
