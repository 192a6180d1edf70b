/** Escaping for HTML text, attributes and inline JSON: every string from content goes through here. */
import { escapeXml } from './xml-text.ts'

/**
 * Escapes text for element content and quoted attribute values alike. It is the feeds' own rule (xml-text.ts):
 * strip controls, bidi overrides and what XML forbids, then escape `& < > " '`, which is right for HTML too.
 */
export const escapeHtml: (text: string) => string = escapeXml

/** JSON for a `<script type="application/ld+json">`: `<` escaped, so no `</script>` or `<!--` can end it early. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}
