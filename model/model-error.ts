/** Thrown when outside data (a KV value, a fetched feed) does not fit the model. */
export class ModelError extends Error {
  override readonly name = 'ModelError'
  /** Where in the value the problem is, e.g. `article.sections[2].photos[0].width`. */
  readonly path: string

  constructor(path: string, problem: string) {
    super(`${path}: ${problem}`)
    this.path = path
  }
}
