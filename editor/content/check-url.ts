/** Decides which URLs an article may carry: absolute http(s) only, so no `javascript:` or `data:` reaches a page. */

/** A message when `value` is not an absolute URL with one of `schemes`; undefined when it is. */
export function urlProblem(
  field: string,
  value: string,
  schemes: readonly ('http:' | 'https:')[],
): string | undefined {
  const wanted = schemes.map((s) => s.slice(0, -1)).join(' or ')
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return `${field} "${value}" is not an absolute URL; write it in full, starting with ${wanted}://`
  }
  if (!(schemes as readonly string[]).includes(url.protocol))
    return `${field} uses the "${url.protocol}" scheme; only ${wanted} URLs are allowed`
  if (url.username || url.password)
    return `${field} contains a user name or password; remove them from the URL`
  return undefined
}
