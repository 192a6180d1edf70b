/** A strict XML parse for structure assertions: namespaces kept as prefixes, attributes and order preserved. */
import { XMLParser, XMLValidator } from 'fast-xml-parser'

/** One element in document order: its qualified name, attributes and children (text children as `#text`). */
export interface XmlNode {
  name: string
  attributes: Record<string, string>
  children: XmlNode[]
  text: string
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: false,
})

function toNode(name: string, raw: unknown, attributes: Record<string, string>): XmlNode {
  const children: XmlNode[] = []
  let text = ''
  for (const child of Array.isArray(raw) ? raw : []) {
    if (typeof child !== 'object' || child === null) continue
    const entries = Object.entries(child)
    const attrs: Record<string, string> = {}
    const rawAttrs = entries.find(([key]) => key === ':@')?.[1]
    if (typeof rawAttrs === 'object' && rawAttrs !== null)
      for (const [k, v] of Object.entries(rawAttrs)) attrs[k] = String(v)
    for (const [key, value] of entries) {
      if (key === ':@') continue
      if (key === '#text') text += String(value)
      else children.push(toNode(key, value, attrs))
    }
  }
  return { name, attributes, children, text }
}

/** Parses an XML document, throwing on anything not well-formed; returns the root element. */
export function parseXml(xml: string): XmlNode {
  const valid = XMLValidator.validate(xml)
  if (valid !== true) throw new Error(`not well-formed: ${valid.err.msg} at line ${valid.err.line}`)
  const doc = toNode('#document', parser.parse(xml), {})
  const root = doc.children.find((c) => c.name !== '?xml')
  if (!root) throw new Error('no root element')
  return root
}

/** Direct children named `name`. */
export function childrenNamed(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((c) => c.name === name)
}

/** The only direct child named `name`; throws when there is none or several. */
export function onlyChild(node: XmlNode, name: string): XmlNode {
  const found = childrenNamed(node, name)
  if (found.length !== 1 || !found[0])
    throw new Error(`expected one <${name}> in <${node.name}>, found ${found.length}`)
  return found[0]
}

/** Every text node under `node`, at any depth. */
export function allText(node: XmlNode): string[] {
  return [node.text, ...node.children.flatMap(allText)].filter((t) => t !== '')
}
