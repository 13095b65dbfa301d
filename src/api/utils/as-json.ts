/**
 * A value as JSON carries it: what `res.json` sends, with the type the contract (src/contract)
 * states. Dates become ISO strings and anything with `toJSON` (BigNumber) its JSON value, as
 * `JSON.stringify` would; the routes use it to answer module records with their contract type.
 */
export type AsJson<T> = T extends Date
  ? string
  : T extends { toJSON(): infer J }
    ? J
    : T extends (infer U)[]
      ? AsJson<U>[]
      : T extends object
        ? { [K in keyof T]: AsJson<T[K]> }
        : T

export function asJson<T>(value: T): AsJson<T> {
  if (value === null || typeof value !== "object") {
    return value as AsJson<T>
  }
  if ("toJSON" in value && typeof value.toJSON === "function") {
    return value.toJSON() as AsJson<T>
  }
  if (Array.isArray(value)) {
    return value.map(asJson) as AsJson<T>
  }
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, asJson(v)])) as AsJson<T>
}
