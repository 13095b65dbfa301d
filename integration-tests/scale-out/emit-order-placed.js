// `medusa exec` script for the scale-out test: emits order.placed for ORDER_ID, TIMES times at
// once, through the app's event bus (Redis there), as a redelivery would.
const { Modules } = require("@medusajs/framework/utils")

exports.default = async function emitOrderPlaced({ container }) {
  const eventBus = container.resolve(Modules.EVENT_BUS)
  const times = Number(process.env.TIMES || 1)
  await Promise.all(
    Array.from({ length: times }, () => eventBus.emit({ name: "order.placed", data: { id: process.env.ORDER_ID } }))
  )
}
