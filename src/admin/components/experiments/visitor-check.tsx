import { Button, Container, Heading, Input, Select, Text } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { Field } from "../form-drawer"
import { STATUS_LABELS } from "../../lib/experiments"
import { errorMessage } from "../../lib/form-values"
import { useExperimentAssignment } from "../../lib/queries"
import type { Experiment } from "../../../contract/admin"

/** The variant a visitor id gets in one experiment of the page. */
export function VisitorCheck({ experiments }: { experiments: Experiment[] }) {
  const [experimentId, setExperimentId] = useState("")
  const [visitorId, setVisitorId] = useState("")
  const [asked, setAsked] = useState("")
  const chosen = experiments.find((e) => e.id === experimentId)
  const assignment = useExperimentAssignment(chosen ? experimentId : "", asked)

  const check = (event: FormEvent) => {
    event.preventDefault()
    setAsked(visitorId.trim())
  }

  return (
    <Container className="divide-y p-0" data-testid="visitor-check">
      <div className="px-6 py-4">
        <Heading level="h2">Check a visitor</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          The variant a visitor id gets, as the storefront's offers will use it.
        </Text>
      </div>
      <form className="grid grid-cols-1 items-end gap-4 px-6 py-4 md:grid-cols-[1fr_1fr_auto]" onSubmit={check}>
        <Field id="check-experiment" label="Experiment">
          <Select
            value={experimentId}
            onValueChange={(id) => {
              setExperimentId(id)
              setAsked("")
            }}
          >
            <Select.Trigger id="check-experiment" data-testid="check-experiment">
              <Select.Value placeholder={experiments.length ? "Choose an experiment" : "No experiments on this page"} />
            </Select.Trigger>
            <Select.Content>
              {experiments.map((experiment) => (
                <Select.Item key={experiment.id} value={experiment.id}>
                  {experiment.name} ({STATUS_LABELS[experiment.status].label.toLowerCase()})
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </Field>
        <Field id="check-visitor" label="Visitor id">
          <Input id="check-visitor" value={visitorId} onChange={(e) => setVisitorId(e.target.value)} />
        </Field>
        <Button size="small" variant="secondary" type="submit" disabled={!chosen || !visitorId.trim()} data-testid="check-visitor-submit">
          Check
        </Button>
      </form>
      {chosen && asked && (
        <div className="px-6 py-4" data-testid="assignment-result">
          {assignment.isLoading && <Text size="small">Checking…</Text>}
          {assignment.isError && <Text size="small">The check failed: {errorMessage(assignment.error)}</Text>}
          {assignment.data && (
            <Text size="small">
              {assignment.data.variant === null ? (
                <>
                  <span className="font-medium" data-testid="assignment-variant">
                    Not in the experiment
                  </span>{" "}
                  (outside its {chosen.traffic_percent}% traffic)
                </>
              ) : (
                <>
                  Visitor <span className="font-mono">{assignment.data.visitor_id}</span> gets variant{" "}
                  <span className="font-medium" data-testid="assignment-variant">
                    {assignment.data.variant}
                  </span>
                  {chosen.status !== "running" && ` once the experiment ${chosen.status === "draft" ? "starts" : "is running"}`}
                </>
              )}
            </Text>
          )}
        </div>
      )}
    </Container>
  )
}
