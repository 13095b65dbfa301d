// jest globalTeardown of the storefront project: stops what global-setup.mjs started.
export { stopApp as default } from "./app.mjs"
