/** A poll with a deadline that says what it waited for: tests never wait for ever, nor fail without saying why. */

/**
 * Calls `check` every `everyMs` until it returns something other than `undefined` or `false`, and resolves with it;
 * after `deadlineMs` it rejects with "`what` did not happen within N s".
 */
export async function waitUntil<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  deadlineMs: number,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + deadlineMs
  for (;;) {
    const value = await check()
    if (value !== undefined && value !== false) return value
    if (Date.now() >= deadline) throw new Error(`${what} did not happen within ${deadlineMs / 1000} s`)
    await new Promise((done) => setTimeout(done, everyMs))
  }
}
