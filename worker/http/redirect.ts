/** A permanent redirect a handler returns instead of a representation (e.g. `?page=1` to the canonical URL). */

/**
 * Sent as 301 with `Location`: permanent because feed readers should update the URL they store. A temporary one
 * (302, cached a minute) points to where something is for now, e.g. an archive page that is still filling.
 */
export class Redirect {
  readonly kind = 'redirect'
  constructor(
    readonly location: string,
    readonly permanent = true,
  ) {}
}
