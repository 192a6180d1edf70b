/** A small HTML tokenizer for structured assertions on our pages (their markup is regular: quoted attributes). */

/** A start tag with its attributes (entities decoded), an end tag, or a run of text (entities decoded). */
export type HtmlToken =
  | { kind: 'start'; name: string; attrs: Record<string, string> }
  | { kind: 'end'; name: string }
  | { kind: 'text'; text: string }

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" }
const decode = (s: string): string => s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ENTITY[e] ?? '')

/** Raw-text elements: their content is one text token, never tags. */
const RAW_TEXT = new Set(['script', 'style'])

/** Tokenizes a document; throws on a `<` that starts no well-formed tag, so broken markup fails tests. */
export function tokenize(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = []
  const tag =
    /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z:-]+(?:="[^"]*")?)*)\s*\/?>|<!doctype html>|<!--[\s\S]*?-->/gy
  let i = 0
  while (i < html.length) {
    const lt = html.indexOf('<', i)
    const end = lt === -1 ? html.length : lt
    if (end > i) tokens.push({ kind: 'text', text: decode(html.slice(i, end)) })
    if (lt === -1) break
    tag.lastIndex = lt
    const m = tag.exec(html)
    if (!m) throw new Error(`malformed markup at ${lt}: ${html.slice(lt, lt + 40)}`)
    i = tag.lastIndex
    const [, slash, rawName, rawAttrs = ''] = m
    if (rawName === undefined) continue
    const name = rawName.toLowerCase()
    if (slash) {
      tokens.push({ kind: 'end', name })
      continue
    }
    const attrs: Record<string, string> = {}
    for (const a of rawAttrs.matchAll(/([a-zA-Z:-]+)(?:="([^"]*)")?/g)) attrs[a[1] ?? ''] = decode(a[2] ?? '')
    tokens.push({ kind: 'start', name, attrs })
    if (RAW_TEXT.has(name)) {
      const close = html.indexOf(`</${name}>`, i)
      if (close === -1) throw new Error(`unclosed <${name}>`)
      tokens.push({ kind: 'text', text: html.slice(i, close) }, { kind: 'end', name })
      i = close + name.length + 3
    }
  }
  return tokens
}

/** Start tags named `name`, optionally with an attribute equal to a value. */
export function startTags(tokens: HtmlToken[], name: string, attr?: [string, string]) {
  return tokens.flatMap((t) =>
    t.kind === 'start' && t.name === name && (attr === undefined || t.attrs[attr[0]] === attr[1]) ? [t] : [],
  )
}

/** The text inside the first element named `name` that has `attr` (nested text included). */
export function textOf(tokens: HtmlToken[], name: string, attr?: [string, string]): string {
  const start = tokens.findIndex(
    (t) => t.kind === 'start' && t.name === name && (attr === undefined || t.attrs[attr[0]] === attr[1]),
  )
  if (start === -1) throw new Error(`no <${name}>`)
  let depth = 0
  let text = ''
  for (const t of tokens.slice(start)) {
    if (t.kind === 'start' && t.name === name) depth++
    else if (t.kind === 'end' && t.name === name && --depth === 0) return text
    else if (t.kind === 'text') text += t.text
  }
  throw new Error(`unclosed <${name}>`)
}
