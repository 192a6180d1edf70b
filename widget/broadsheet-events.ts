/** The events `<broadsheet-cards>` dispatches, typed for `addEventListener` on any element. */

/** `broadsheet-load`: the feed was fetched and the cards are rendered. */
export interface BroadsheetLoadDetail {
  /** The absolute feed URL that was loaded. */
  src: string
  /** Cards shown after `section` and `limit` (0 = the empty state). */
  count: number
}

/** `broadsheet-error`: the feed could not be fetched or read; the error state with a retry is shown. */
export interface BroadsheetErrorDetail {
  src: string
  /** A short English description for logs, e.g. `HTTP 404`, `network error`, `not a JSON Feed ...`. */
  message: string
  /** The HTTP status when the server answered. */
  status?: number
}

declare global {
  interface GlobalEventHandlersEventMap {
    'broadsheet-load': CustomEvent<BroadsheetLoadDetail>
    'broadsheet-error': CustomEvent<BroadsheetErrorDetail>
  }
}
