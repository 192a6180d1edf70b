/** The copy desk: warnings about text a newspaper would not print as is; content:check --strict makes them errors. */
import { applyFixes, findHalfWidth } from './half-width-punctuation.ts'
import { WIDE } from './join-lines.ts'
import type { LineProblem } from './line-problem.ts'
import { parseBody } from './parse-body.ts'
import { parseFrontMatter } from './parse-front-matter.ts'
import { textSpans } from './text-spans.ts'

/** Sensible lengths, in columns (a CJK character is one, any other half): a heading is a phrase, a caption a line or two. */
export const COPY_LIMITS = { heading: 30, caption: 100 } as const

/** How a paragraph may end: a full stop, question or exclamation mark, ellipsis, or a closing quote or bracket. */
const CLOSED = /[。！？!?….；;：:”’」』）)》〉\]"']$/u

/** Columns of text: CJK characters take a full column, others half. */
export function columns(text: string): number {
  let n = 0
  for (const c of text) n += WIDE.test(c) ? 1 : 0.5
  return n
}

const excerpt = (text: string, at: number) => {
  const chars = [...text]
  const from = Math.max(0, at - 6)
  return `${from > 0 ? '…' : ''}${chars.slice(from, at + 7).join('')}${at + 7 < chars.length ? '…' : ''}`
}

/** Every copy-desk warning in a file's lines, each as `line: what; fix`. Structural problems are content:check's. */
export function copyDeskWarnings(lines: readonly string[]): LineProblem[] {
  const warnings: LineProblem[] = []
  for (const s of textSpans(lines)) {
    const text = (lines[s.line - 1] ?? '').slice(s.start, s.end)
    for (const f of findHalfWidth(text))
      warnings.push({
        line: s.line,
        message: `half-width "${f.from}" among Chinese text (${excerpt(text, [...text.slice(0, f.index)].length)}); write "${f.to}", or run npm run content:fix`,
      })
  }
  const fm = parseFrontMatter(lines, [])
  const body = parseBody(lines, fm.bodyStart, [])
  for (const p of [...body.lede, ...body.sections.flatMap((s) => s.paragraphs)])
    if (!CLOSED.test(p.text))
      warnings.push({
        line: p.line,
        message: `the paragraph ends without closing punctuation ("…${[...p.text].slice(-8).join('')}"): a truncation or a column break? finish the sentence, or join it to the next paragraph`,
      })
  for (const s of body.sections)
    if (columns(s.heading) > COPY_LIMITS.heading)
      warnings.push({
        line: s.line,
        message: `the heading is ${Math.ceil(columns(s.heading))} columns long (sensible: at most ${COPY_LIMITS.heading}, a CJK character is one column); shorten it to a phrase`,
      })
  for (const p of [...body.sections.flatMap((s) => s.photos), ...body.gallery]) {
    const { alt, caption } = p.fields
    if (alt && caption && alt.value.trim() === caption.value.trim())
      warnings.push({
        line: alt.line,
        message:
          'the alt text repeats the caption; describe what the image shows for readers who cannot see it',
      })
    if (caption && columns(caption.value) > COPY_LIMITS.caption)
      warnings.push({
        line: caption.line,
        message: `the caption is ${Math.ceil(columns(caption.value))} columns long (sensible: at most ${COPY_LIMITS.caption}); move the rest into the text`,
      })
  }
  return warnings.sort((a, b) => a.line - b.line)
}

/** The file's lines with every half-width mark among CJK text made full-width, and what changed, line by line. */
export function fixCopyDesk(lines: readonly string[]): {
  lines: string[]
  changes: { line: number; before: string; after: string }[]
} {
  const out = [...lines]
  const changes: { line: number; before: string; after: string }[] = []
  for (const s of textSpans(lines)) {
    const current = out[s.line - 1] ?? ''
    const text = current.slice(s.start, s.end)
    const fixes = findHalfWidth(text)
    if (fixes.length > 0)
      out[s.line - 1] = current.slice(0, s.start) + applyFixes(text, fixes) + current.slice(s.end)
  }
  out.forEach((after, i) => {
    const before = lines[i] ?? ''
    if (after !== before) changes.push({ line: i + 1, before, after })
  })
  return { lines: out, changes }
}
