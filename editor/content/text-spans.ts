/** Where a content file's editorial text is (title, dek, headings, paragraphs, alt, caption, notes), line by line. */

/** A run of text on one line: 1-based line, and UTF-16 start and end within it. */
export interface TextSpan {
  line: number
  start: number
  end: number
}

const TEXT_FIELD = /^(title|dek|alt|caption):[ \t]+/u

function span(line: number, text: string, start: number, end = text.length): TextSpan[] {
  const value = text.slice(start, end)
  const lead = value.length - value.trimStart().length
  const trimmedEnd = start + value.trimEnd().length
  return trimmedEnd > start + lead ? [{ line, start: start + lead, end: trimmedEnd }] : []
}

/** The text spans of a file's lines; syntax (keys, ids, `:::`, sources, credits, dates) is never included. */
export function textSpans(lines: readonly string[]): TextSpan[] {
  const spans: TextSpan[] = []
  let i = 0
  if (lines[0] === '---') {
    const end = lines.indexOf('---', 1)
    for (i = 1; i < (end < 0 ? lines.length : end); i++) {
      const m = TEXT_FIELD.exec(lines[i] ?? '')
      if (m && (m[1] === 'title' || m[1] === 'dek')) spans.push(...span(i + 1, lines[i] ?? '', m[0].length))
    }
    i = end < 0 ? lines.length : end + 1
  }
  let block: 'photo' | 'note' | undefined
  for (; i < lines.length; i++) {
    const text = lines[i] ?? ''
    const trimmed = text.trim()
    if (block && trimmed === ':::') block = undefined
    else if (/^:::/u.test(trimmed)) block = /^:::\s*photo\b/u.test(trimmed) ? 'photo' : 'note'
    else if (block === 'photo') {
      const m = TEXT_FIELD.exec(trimmed)
      if (m) spans.push(...span(i + 1, text, text.indexOf(trimmed) + m[0].length))
    } else if (block === 'note') spans.push(...span(i + 1, text, 0))
    else if (/^##\s/u.test(trimmed)) {
      const open = text.lastIndexOf('{#')
      spans.push(...span(i + 1, text, text.indexOf('##') + 2, open < 0 ? text.length : open))
    } else if (!/^#/u.test(trimmed)) spans.push(...span(i + 1, text, 0))
  }
  return spans
}
