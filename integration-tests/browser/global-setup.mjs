// jest globalSetup of the browser project: one app for every test file of the run (app.mjs).
import { shareApp } from "../shared-app.mjs"
import * as app from "./app.mjs"

export default shareApp("BROWSER_APP", app)
