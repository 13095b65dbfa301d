import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import BookingModule from "../modules/booking"

export default defineLink(
  { linkable: BookingModule.linkable.booking, field: "line_item_id" },
  OrderModule.linkable.orderLineItem,
  { readOnly: true }
)
