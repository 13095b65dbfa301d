import type { Contact } from "../journey"
import { FormEvent, useState } from "react"
import { ErrorNotice, StepHeading } from "../components/StepHeading"

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

function problems(contact: Contact): Partial<Record<keyof Contact, string>> {
  return {
    ...(EMAIL.test(contact.email.trim()) ? {} : { email: "Enter an email address like name@example.com." }),
    ...(contact.first_name.trim() ? {} : { first_name: "Enter your first name." }),
    ...(contact.last_name.trim() ? {} : { last_name: "Enter your last name." }),
  }
}

const FIELDS: { name: keyof Contact; label: string; type: string; autoComplete: string }[] = [
  { name: "email", label: "Email", type: "email", autoComplete: "email" },
  { name: "first_name", label: "First name", type: "text", autoComplete: "given-name" },
  { name: "last_name", label: "Last name", type: "text", autoComplete: "family-name" },
]

export function ContactStep(props: {
  initial: Contact
  busy: boolean
  error: string | null
  focus: boolean
  onSubmit: (contact: Contact) => void
  onBack: () => void
}) {
  const [contact, setContact] = useState(props.initial)
  const [shown, setShown] = useState<Partial<Record<keyof Contact, string>>>({})

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found = problems(contact)
    setShown(found)
    const first = FIELDS.find((f) => found[f.name])
    if (first) {
      document.getElementById(`contact-${first.name}`)?.focus()
      return
    }
    props.onSubmit({ email: contact.email.trim(), first_name: contact.first_name.trim(), last_name: contact.last_name.trim() })
  }

  return (
    <section aria-labelledby="step-contact">
      <StepHeading id="step-contact" focus={props.focus}>
        Your details
      </StepHeading>
      <p className="lead">Your booking is made under this address.</p>
      <form className="card form" noValidate onSubmit={submit}>
        {FIELDS.map((field) => (
          <div key={field.name} className="field">
            <label htmlFor={`contact-${field.name}`}>{field.label}</label>
            <input
              id={`contact-${field.name}`}
              name={field.name}
              type={field.type}
              autoComplete={field.autoComplete}
              required
              value={contact[field.name]}
              aria-invalid={!!shown[field.name]}
              aria-describedby={shown[field.name] ? `contact-${field.name}-error` : undefined}
              onChange={(e) => setContact({ ...contact, [field.name]: e.target.value })}
            />
            {shown[field.name] && (
              <p id={`contact-${field.name}-error`} className="field-error">
                {shown[field.name]}
              </p>
            )}
          </div>
        ))}
        <ErrorNotice message={props.error} />
        <div className="actions">
          <button type="button" className="button link" onClick={props.onBack}>
            Back to your date
          </button>
          <button type="submit" className="button primary" disabled={props.busy}>
            {props.busy ? "Saving…" : "Continue to checkout"}
          </button>
        </div>
      </form>
    </section>
  )
}
