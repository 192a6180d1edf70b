/** XML elements for the feed renderers, built from the project's one escaper (model/escape-xml.ts). */
import { escapeXml } from '../../model/escape-xml.ts'

export { cleanText, escapeHtmlText, escapeXml } from '../../model/escape-xml.ts'

/** Attributes of an element; undefined values are left out so optional attributes need no branching. */
export type XmlAttributes = Readonly<Record<string, string | number | undefined>>

/** Builds one element: `inner` is already-escaped markup; with no inner the element is self-closing. */
export function xmlElement(name: string, attributes: XmlAttributes = {}, inner?: string): string {
  let attrs = ''
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== undefined) attrs += ` ${key}="${escapeXml(String(value))}"`
  }
  return inner === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${inner}</${name}>`
}

/** An element holding plain text, escaped. */
export function xmlText(name: string, text: string, attributes: XmlAttributes = {}): string {
  return xmlElement(name, attributes, escapeXml(text))
}
