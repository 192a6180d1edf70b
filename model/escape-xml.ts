/**
 * Text hygiene for every feed, page and snippet: strip what XML 1.0 forbids (and what only misleads), then escape
 * for XML or HTML. The one escaper of the project: the Worker's renderers and the widget's embed snippet use it.
 */

/**
 * Characters never allowed in feed text: C0 controls except tab/LF/CR, DEL and C1 controls, bidi embeddings,
 * overrides and isolates (they can reorder what a reader shows), U+FFFE/U+FFFF and lone surrogates.
 */
const FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this pattern's job
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/**
 * Every code unit FORBIDDEN can match, surrogates whole: one character class, which scans several times faster
 * than FORBIDDEN's lookarounds. Most text has none and is returned as it is; text with any (an emoji's surrogate
 * pair, say) goes through FORBIDDEN.
 */
const SUSPECT =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this pattern's job
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF\uD800-\uDFFF]/

/** Removes every character a conforming XML 1.0 parser would reject, plus C1 controls and bidi overrides. */
export function cleanText(text: string): string {
  return SUSPECT.test(text) ? text.replace(FORBIDDEN, '') : text
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/**
 * Cleans and escapes text for XML character data or a quoted attribute. Escaping `>` too means `]]>` can never
 * appear; the same escaping is correct for HTML text and attributes, so HTML builders use it as well.
 */
export function escapeXml(text: string): string {
  const clean = cleanText(text)
  return XML_SPECIAL.test(clean) ? clean.replace(XML_SPECIALS, (c) => ENTITIES[c] ?? c) : clean
}

const XML_SPECIAL = /[&<>"']/
const XML_SPECIALS = /[&<>"']/g

/** Cleans and escapes plain text as HTML text content: only `&`, `<`, `>`, so apostrophes stay readable. */
export function escapeHtmlText(text: string): string {
  return cleanText(text).replace(/[&<>]/g, (c) => ENTITIES[c] ?? c)
}
