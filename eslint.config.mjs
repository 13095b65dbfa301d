// ESLint: Medusa's recommended rules (routes, workflows, steps, modules, links, subscribers,
// jobs, admin extensions) on the plugin's source, and typescript-eslint's recommended rules on
// the source, the tests and the reference storefront. `npm run lint`; a stage of `npm test`.
import js from "@eslint/js"
import medusa from "@medusajs/eslint-plugin"
import globals from "globals"
import tseslint from "typescript-eslint"

// Medusa's preset ignores tests and storefronts globally; those get the TypeScript rules below.
const [medusaIgnores, ...medusaRules] = medusa.configs.recommended
const onSource = (config) => ({ ...config, files: (config.files ?? ["**/*.{ts,tsx,js}"]).map((f) => (f.startsWith("src/") ? f : `src/${f.replace(/^\*\*\//, "**/")}`)) })

export default tseslint.config(
  {
    ignores: [...medusaIgnores.ignores.filter((p) => !/integration-tests|__tests__|spec|storefront/.test(p)), "**/.medusa/**", "**/.cache/**", "integration-tests/package/host/**", "storefront/dist/**"],
  },
  ...medusaRules.map((config) => (config.plugins && !config.files ? config : onSource(config))),
  {
    files: ["**/*.{ts,tsx,mts}"],
    extends: [tseslint.configs.recommended],
    rules: {
      // Destructuring a field away (`const { id, ...rest } = row`) and `_`-named parameters are how
      // the code says "not this one".
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    // Packages cost thousands in major units (a $7,500 tier is 7500): the rule's "looks like cents"
    // guess is wrong for every price of this domain. Amounts are major units throughout, as Medusa's.
    files: ["src/**/*.{ts,tsx}"],
    rules: { "@medusajs/prices-in-major-units": "off" },
  },
  {
    // Tests read JSON answers whose shapes their assertions check.
    files: ["integration-tests/**/*.ts", "src/**/__tests__/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ["integration-tests/*.js"],
    languageOptions: { globals: { ...globals.jest } },
  }
)
