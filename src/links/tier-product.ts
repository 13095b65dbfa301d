import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import SegmentsModule from "../modules/segments"

// One package product per tier, and a product is the package of at most one tier.
export default defineLink(SegmentsModule.linkable.tier, ProductModule.linkable.product)
