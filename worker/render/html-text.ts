/** Escaping for HTML text, attributes and inline JSON: every string from content goes through here. */

/**
 * Characters never meaningful in our text, and illegal in XML 1.0 where this escaping is reused (OPML):
 * C0/C1 controls but tab and newlines, bidi overrides (they can disguise a title), U+FFFE/U+FFFF, lone surrogates.
 */
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Escapes text for element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(INVISIBLE, '').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c)
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped, so no `</script>` or `<!--` can end it early. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}
