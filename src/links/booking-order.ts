import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import BookingModule from "../modules/booking"

// A booking stores its order's id; the read-only link lets query reach one from the other.
export default defineLink(
  { linkable: BookingModule.linkable.booking, field: "order_id" },
  OrderModule.linkable.order,
  { readOnly: true }
)
