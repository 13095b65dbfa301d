import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { writtenRefusal } from "../written-messages"

const schema = z.object({
  ids: z.array(z.string()).min(2, "compare at least 2 tiers").max(3),
  name: z.string().trim().min(1, "must not be empty").max(5),
  owner: z.string({ message: "give an owner" }).optional(),
  nested: z.object({ days: z.number().int().min(1, "at least a day") }).optional(),
})

const refusal = (input: unknown) => {
  const parsed = schema.safeParse(input)
  expect(parsed.success).toBe(false)
  return parsed.success ? undefined : writtenRefusal(parsed.error, input)
}

describe("writtenRefusal", () => {
  it("answers with the schema's own messages, each naming its field", () => {
    const error = refusal({ ids: ["a"], name: " ", nested: { days: 0 } })
    expect(error).toBeInstanceOf(MedusaError)
    expect(error!.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(error!.message).toBe("Invalid request: ids: compare at least 2 tiers; name: must not be empty; nested.days: at least a day")
  })

  it("leaves zod's own messages to Medusa's formatter", () => {
    expect(refusal({ ids: ["a", "b", "c", "d"], name: "x" })).toBeNull()
    expect(refusal({ ids: ["a", "b"], name: "toolong" })).toBeNull()
    expect(refusal({ ids: 7, name: "x" })).toBeNull()
  })

  it("speaks of a value's type, not of the size checks zod also ran on it", () => {
    expect(refusal({ ids: "abcdef", name: "x" })).toBeNull()
    expect(refusal({ ids: ["a", "b"], name: "x", owner: 3 })!.message).toBe("Invalid request: owner: give an owner")
  })
})
