import { MedusaService } from "@medusajs/framework/utils"
import { Segment } from "./models/segment"
import { Tier } from "./models/tier"

export default class SegmentsModuleService extends MedusaService({
  Segment,
  Tier,
}) {}
