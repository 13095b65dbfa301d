import { Module } from "@medusajs/framework/utils"
import settleFailedFlushesLoader from "./loaders/settle-failed-flushes"
import BookingModuleService from "./service"

export const BOOKING_MODULE = "booking"

export default Module(BOOKING_MODULE, {
  service: BookingModuleService,
  // Process-wide: a failed flush no longer leaves the flushes queued behind it waiting for ever.
  loaders: [settleFailedFlushesLoader],
})

export { BookingModuleService }
