/** The one error the widget's data layer throws: what went wrong while loading or reading a feed. */

/** Why a feed could not be shown; `status` is the HTTP status when the server answered. */
export class FeedError extends Error {
  override readonly name = 'FeedError'
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message)
  }
}
