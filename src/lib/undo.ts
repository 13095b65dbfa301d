/**
 * For each change `{ id, ...fields }`, the same fields as they were before it,
 * so a compensation restores exactly what a step overwrote.
 */
export function valuesBefore<T extends { id: string }>(
  previous: readonly { id: string }[],
  changes: T[]
): T[] {
  return changes.flatMap((change) => {
    const before = previous.find((p) => p.id === change.id)
    if (!before) {
      return []
    }
    const restored: Record<string, unknown> = { id: change.id }
    for (const key of Object.keys(change)) {
      restored[key] = Reflect.get(before, key)
    }
    return [restored as T]
  })
}
