/** C0 control characters except tab, line feed and carriage return, and DEL. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/

/** How deep a JSON body or query may nest; deeper is refused rather than walked. */
export const MAX_NESTING = 32

export type InputProblem = { field: string; message: string }

const asCodeUnit = (match: RegExpExecArray | null) => (match ? `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}` : null)

/** The first control character of a string as U+XXXX, or null. */
export function controlCharacterIn(text: string): string | null {
  return asCodeUnit(CONTROL.exec(text))
}

/** A UTF-16 surrogate without its pair: not a character, and PostgreSQL refuses it in JSON. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** The first unpaired surrogate of a string as U+XXXX, or null (a JSON body can carry one as `"\ud800"`). */
export function loneSurrogateIn(text: string): string | null {
  return asCodeUnit(LONE_SURROGATE.exec(text))
}

/** Either kind of bad character: every string of every request is scanned once. */
const REFUSED = new RegExp(`${CONTROL.source}|${LONE_SURROGATE.source}`)

/** What is wrong with the characters of a string, for "<field> must ...", or null. */
function characterProblem(text: string): string | null {
  const found = REFUSED.exec(text)
  if (!found) {
    return null
  }
  const at = asCodeUnit(found)
  return CONTROL.test(found[0])
    ? `must not contain control characters (found ${at})`
    : `must be valid Unicode text (found an unpaired surrogate, ${at})`
}

const fieldName = (path: string, key: string | number) =>
  typeof key === "number" ? `${path}[${key}]` : /^[A-Za-z_$][\w$-]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`

/**
 * The first string (value or key) in a parsed body or query that holds a control character or
 * an unpaired surrogate, or a value nested deeper than MAX_NESTING; null when the input is clean. Walks without
 * recursion, so no input can exhaust the stack.
 */
export function findInputProblem(value: unknown, root: string): InputProblem | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }]
  while (stack.length) {
    const { value: current, path, depth } = stack.pop()!
    if (typeof current === "string") {
      const problem = characterProblem(current)
      if (problem) {
        return { field: path, message: `${path} ${problem}` }
      }
      continue
    }
    if (current === null || typeof current !== "object") {
      continue
    }
    if (depth >= MAX_NESTING) {
      return { field: path, message: `${path} nests deeper than ${MAX_NESTING} levels` }
    }
    const entries: [string | number, unknown][] = Array.isArray(current)
      ? current.map((item, i) => [i, item])
      : Object.entries(current as Record<string, unknown>)
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, item] = entries[i]
      const itemPath = fieldName(path, key)
      if (typeof key === "string") {
        const problem = characterProblem(key)
        if (problem) {
          return { field: itemPath, message: `a field name in ${path} ${problem}` }
        }
      }
      stack.push({ value: item, path: itemPath, depth: depth + 1 })
    }
  }
  return null
}

/**
 * The problem with a request path: a segment that is not valid percent-encoding, or one
 * that decodes to a control character. `path` is the raw path, without the query string.
 */
export function findPathProblem(path: string): InputProblem | null {
  const segments = path.split("/")
  for (let i = 1; i < segments.length; i++) {
    const where = `the path segment after "${segments.slice(0, i).join("/") || "/"}"`
    let decoded: string
    try {
      decoded = decodeURIComponent(segments[i])
    } catch {
      return { field: "path", message: `${where} is not valid percent-encoding` }
    }
    const found = controlCharacterIn(decoded) ?? controlCharacterIn(segments[i])
    if (found) {
      return { field: "path", message: `${where} must not contain control characters (found ${found})` }
    }
  }
  return null
}

/**
 * The problem with a query's parameter names: Medusa reads `a.b` as a nested parameter and
 * refuses a name nested deeper than that with an error its handler answers 500 to, so such a
 * name is refused here first, with a 400 that names it.
 */
export function findQueryKeyProblem(query: Record<string, unknown>): InputProblem | null {
  const key = Object.keys(query).find((name) => name.split(".").length > 2)
  return key === undefined
    ? null
    : { field: "query", message: `the query parameter "${key}" is nested more than two levels deep (a.b at most)` }
}
