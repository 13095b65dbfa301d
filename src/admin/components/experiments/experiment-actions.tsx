import { PencilSquare, PlaySolid, StopCircleSolid, Trash } from "@medusajs/icons"
import { usePrompt } from "@medusajs/ui"
import type { Action } from "../action-menu"
import { deleteExperiment, startExperiment, stopExperiment } from "../../lib/api"
import { useAdminMutation } from "../../lib/queries"
import type { Experiment } from "../../../contract/admin"

/** Each experiment's menu: what its status allows, each step confirmed first. */
export function useExperimentActions(edit: (experiment: Experiment) => void) {
  const start = useAdminMutation(startExperiment, "Experiment started")
  const stop = useAdminMutation(stopExperiment, "Experiment stopped")
  const remove = useAdminMutation(deleteExperiment, "Experiment deleted")
  const prompt = usePrompt()

  const confirm = (title: string, description: string, confirmText: string) =>
    prompt({ title, description, confirmText, cancelText: "Cancel" })

  const actionsFor = (experiment: Experiment): Action[] => {
    const editAction: Action = { label: "Edit", icon: <PencilSquare />, onClick: () => edit(experiment) }
    const del: Action = {
      label: "Delete",
      icon: <Trash />,
      danger: true,
      onClick: async () => {
        const effect = experiment.status === "running" ? "Its visitors get the rules' own offers again. " : ""
        if (await confirm(`Delete ${experiment.name}?`, `${effect}This cannot be undone.`, "Delete")) {
          remove.mutate(experiment.id)
        }
      },
    }
    switch (experiment.status) {
      case "draft":
        return [
          editAction,
          {
            label: "Start",
            icon: <PlaySolid />,
            onClick: async () => {
              if (await confirm(`Start ${experiment.name}?`, "Visitors are assigned at once. Its key and variants can no longer change.", "Start")) {
                start.mutate(experiment.id)
              }
            },
          },
          del,
        ]
      case "running":
        return [
          editAction,
          {
            label: "Stop",
            icon: <StopCircleSolid />,
            onClick: async () => {
              if (await confirm(`Stop ${experiment.name}?`, "Its visitors get the rules' own offers again. A stopped experiment cannot restart.", "Stop")) {
                stop.mutate(experiment.id)
              }
            },
          },
          del,
        ]
      case "stopped":
        return [del]
    }
  }
  return actionsFor
}
