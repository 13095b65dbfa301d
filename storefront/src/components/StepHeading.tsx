import { ReactNode, useEffect, useRef } from "react"

/**
 * The heading of a step. When the customer moves to a step, focus goes to its heading so that
 * keyboard and screen reader users start reading there.
 */
export function StepHeading({ id, children, focus }: { id: string; children: ReactNode; focus: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (focus) ref.current?.focus()
  }, [focus])
  return (
    <h2 id={id} ref={ref} tabIndex={-1} className="step-heading">
      {children}
    </h2>
  )
}

export function ErrorNotice({ message, children }: { message: string | null; children?: ReactNode }) {
  if (!message) return null
  return (
    <div className="notice notice-error" role="alert">
      <p>{message}</p>
      {children}
    </div>
  )
}
