// The jest globalSetup of a browser project: starts its app once for every test file of the run
// and hands the files what they need in an environment variable (JSON); what did start is stopped
// when the start fails, since jest runs no globalTeardown then.
export function shareApp(variable, { startApp, stopApp }) {
  return async function globalSetup() {
    try {
      process.env[variable] = JSON.stringify(await startApp())
    } catch (error) {
      await stopApp()
      throw error
    }
  }
}
