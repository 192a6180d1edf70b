/** Strong ETags from what determines a representation, and the weak comparison If-None-Match asks for. */

/** FNV-1a over the string with the given seed; two seeds give 64 bits, plenty to tell versions apart. */
function fnv1a(text: string, seed: number): string {
  let h = seed
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0).toString(16).padStart(8, '0')
}

/** A strong ETag (quoted) for everything that determines the bytes: callers pass content version, format, site, code. */
export function entityTag(parts: readonly string[]): string {
  const text = parts.join('\u0000')
  return `"${fnv1a(text, 0x811c9dc5)}${fnv1a(text, 0x2f6b1a5d)}"`
}

/** The opaque tags of an If-None-Match list (`W/` dropped: weak comparison), or '*' for any. */
export function parseEntityTags(header: string): '*' | string[] {
  if (header.trim() === '*') return '*'
  return Array.from(header.matchAll(/(?:W\/)?"([^"]*)"/g), (m) => m[1] ?? '')
}

/** True when If-None-Match names one of `current` (the tags, quoted, of this resource's equivalent variants). */
export function ifNoneMatchHits(header: string, current: readonly string[]): boolean {
  // The usual header is one tag echoed back exactly as we sent it: no parsing needed.
  if (current.includes(header)) return true
  const tags = parseEntityTags(header)
  if (tags === '*') return true
  const opaque = current.map((t) => t.slice(1, -1))
  return tags.some((t) => opaque.includes(t))
}
