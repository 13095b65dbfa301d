// jest globalTeardown of the browser project: stops what global-setup.mjs started.
export { stopApp as default } from "./app.mjs"
