import { Text } from "@medusajs/ui"
import { ReactNode } from "react"

/** A quiet line of text in place of content that is loading, empty or missing. */
export function Message({ children }: { children: ReactNode }) {
  return (
    <div className="px-6 py-6">
      <Text size="small" className="text-ui-fg-subtle">
        {children}
      </Text>
    </div>
  )
}
