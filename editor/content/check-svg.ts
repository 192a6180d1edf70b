/** Finds what would make an SVG active content: opened from our origin, an SVG runs its scripts with our cookies. */

const RULES: readonly [RegExp, string][] = [
  [/<script\b/i, 'a <script> element'],
  [/\son[a-z]+\s*=/i, 'an on…= event handler attribute'],
  [/javascript\s*:/i, 'a javascript: URL'],
  [/<foreignObject\b/i, 'a <foreignObject> element'],
  [
    /\b(?:xlink:)?href\s*=\s*["']?\s*(?!#)[^\s"'>]/i,
    'a reference to another document (href not starting with #)',
  ],
  [/url\(\s*["']?\s*(?!#)[^\s"')]/i, 'a url() reference to another document'],
  [/@import\b/i, 'a CSS @import'],
  [/<!ENTITY\b/i, 'an XML entity declaration'],
  // <set>/<animate> can turn a harmless href into an entity-encoded javascript: URL the rules above cannot see.
  [/<(?:set|animate)\b[^>]*attributeName\s*=\s*["']?\s*(?:xlink:)?href/i, 'an animation of a link target'],
]

/** One message per kind of active content found, each naming the SVG line it is on. */
export function svgProblems(svg: string): string[] {
  const found: string[] = []
  for (const [pattern, what] of RULES) {
    const m = pattern.exec(svg)
    if (!m) continue
    const line = svg.slice(0, m.index).split('\n').length
    found.push(`${what} on its line ${line}`)
  }
  return found
}
