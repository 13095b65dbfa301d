import { Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/** A label and its value side by side, as the dashboard's own detail sections show them. */
export function DetailRow({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  return (
    <div className="text-ui-fg-subtle grid grid-cols-2 items-center px-6 py-4">
      <Text size="small" weight="plus">
        {label}
      </Text>
      <Text size="small" data-testid={testId} asChild>
        <div>{value}</div>
      </Text>
    </div>
  )
}
