// What the browser test files share: waiting for what a person would see, and checks that build on
// each other as a page's tests do, each a jest test with a screenshot after it.
import path from "node:path"
import pg from "pg"
import type { Locator, Page } from "playwright-core"

/** How long an element may take to appear (the machines running these share two cores). */
export const WAIT = 30_000

export async function visible(locator: Locator, what: string, timeout = WAIT) {
  await locator.first().waitFor({ state: "visible", timeout }).catch(() => {
    throw new Error(`expected to see ${what}`)
  })
}

export async function gone(locator: Locator, what: string, timeout = WAIT) {
  await locator.first().waitFor({ state: "detached", timeout }).catch(() => {
    throw new Error(`expected ${what} to disappear`)
  })
}

/** An image's natural width once it has loaded or failed (0: it did not load). */
export const loadedWidth = (img: Locator) =>
  img.evaluate((el: HTMLImageElement) =>
    el.complete
      ? el.naturalWidth
      : new Promise<number>((resolve) => {
          el.onload = () => resolve(el.naturalWidth)
          el.onerror = () => resolve(0)
        })
  )

export const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60)

/** The rows of one query on the app's database: what a check reads back behind the screen. */
export async function queryRows(url: string, sql: string, params: unknown[]) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return (await client.query(sql, params)).rows
  } finally {
    await client.end()
  }
}

/** Deep equality; object keys in any order (the database stores JSON with its own key order). */
const canonical = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(canonical)
    : value && typeof value === "object"
      ? Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]))
      : value
export const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b))

/**
 * Registers a file's checks as jest tests, in order. Each builds on the ones before it, so once one
 * has failed the rest fail at once and name it, rather than failing on a state they never got.
 * After each check a screenshot of the page: <dir>/<file>-NN-<check>.png (FAILED-<check> when it failed);
 * `shot(name)` is the path of one more screenshot a check takes along the way.
 */
export function checksInOrder(file: string, { dir, page, fullPage = false }: { dir: string; page: () => Page; fullPage?: boolean }) {
  let taken = 0
  let failed: string | null = null
  const shot = (name: string) => path.join(dir, `${file}-${String(++taken).padStart(2, "0")}-${name}.png`)
  const check = (name: string, run: () => Promise<void>) =>
    test(name, async () => {
      if (failed) throw new Error(`not run: it builds on "${failed}", which failed`)
      try {
        await run()
        await page().screenshot({ path: shot(slug(name)), fullPage })
      } catch (error) {
        failed = name
        await page()
          ?.screenshot({ path: shot(`FAILED-${slug(name)}`), fullPage })
          .catch(() => {})
        throw error
      }
    })
  return { check, shot }
}
