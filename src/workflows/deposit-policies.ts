import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { DepositPolicyInput, removeDepositPolicyStep, setDepositPolicyStep } from "./steps/set-deposit-policy"

export const setDepositPolicyWorkflow = createWorkflow("set-deposit-policy", (input: DepositPolicyInput) => {
  return new WorkflowResponse(setDepositPolicyStep(input))
})

export const removeDepositPolicyWorkflow = createWorkflow("remove-deposit-policy", (input: { sales_channel_id: string; segment_id: string | null }) => {
  return new WorkflowResponse(removeDepositPolicyStep(input))
})
