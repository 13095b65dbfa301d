/**
 * A 409 whose message reaches the client (see the error handler in
 * api/middlewares.ts): a date taken, a price that changed.
 */
export const CONFLICT_ERROR_NAME = "TieredConflictError"

export class ConflictError extends Error {
  constructor(message: string) {
    super(message)
    this.name = CONFLICT_ERROR_NAME
  }
}

/** A 429: the caller sends faster than the route allows (see the error handler in api/middlewares.ts). */
export const RATE_LIMIT_ERROR_NAME = "TieredRateLimitError"

export class RateLimitError extends Error {
  constructor(message: string) {
    super(message)
    this.name = RATE_LIMIT_ERROR_NAME
  }
}
