import { Button, Text } from "@medusajs/ui"

type PagerProps = { offset: number; pageSize: number; count: number; noun: string; onChange: (offset: number) => void }

/** "21–40 of 57 rules" with Previous and Next. */
export function Pager({ offset, pageSize, count, noun, onChange }: PagerProps) {
  return (
    <div className="flex items-center justify-between px-6 py-4">
      <Text size="small" className="text-ui-fg-subtle">
        {count === 0 ? `0 ${noun}` : `${offset + 1}–${Math.min(offset + pageSize, count)} of ${count} ${noun}`}
      </Text>
      <div className="flex gap-x-2">
        <Button size="small" variant="secondary" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - pageSize))}>
          Previous
        </Button>
        <Button size="small" variant="secondary" disabled={offset + pageSize >= count} onClick={() => onChange(offset + pageSize)}>
          Next
        </Button>
      </div>
    </div>
  )
}
