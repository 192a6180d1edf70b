/**
 * Lays out text as Chromium does and measures it: for every line of every matching element, the widest gap between
 * two adjacent Han characters (from Range.getClientRects, in em of the element's font size). Chromium puts the space
 * justification adds inside the character's box, so the gap is how far a Han character's advance exceeds its 1 em
 * glyph: 0 on a line set solid, about 0.2 em where a line was spread by a fifth of a character per character.
 */
import type { Frame, Page } from 'playwright-core'

/** One laid-out line. */
export interface MeasuredLine {
  text: string
  /** Widest space a Han character takes beyond its 1 em glyph (to the next character), in em; 0 set solid. */
  widestGapEm: number
  /** 0 for the first line of its element. */
  index: number
}

/** Runs in the page: every line of every element matched by `selector` (inside `host`'s shadow root when given). */
export function measureLines(page: Page | Frame, selector: string, host?: string): Promise<MeasuredLine[]> {
  return page.evaluate(
    ([sel, hostSel]) => {
      const root: ParentNode | null | undefined = hostSel
        ? document.querySelector(hostSel)?.shadowRoot
        : document
      // Between two Han characters only: text-autospace may rightly add 1/8 em between Han and Latin letters.
      const HAN_PAIR = /^\p{Script=Han}{2}$/u
      const out: { text: string; widestGapEm: number; index: number }[] = []
      for (const el of root?.querySelectorAll(sel) ?? []) {
        const em = Number.parseFloat(getComputedStyle(el).fontSize)
        const boxes: { c: string; left: number; right: number; top: number }[] = []
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const text = n.nodeValue ?? ''
          for (let i = 0; i < text.length; i++) {
            const range = document.createRange()
            range.setStart(n, i)
            range.setEnd(n, i + 1)
            const r = range.getClientRects()[0]
            if (r && r.width > 0) boxes.push({ c: text[i] ?? '', left: r.left, right: r.right, top: r.top })
          }
        }
        let line: typeof boxes = []
        const flush = () => {
          if (line.length === 0) return
          let widest = 0
          for (let i = 1; i < line.length; i++) {
            const [a, b] = [line[i - 1], line[i]]
            if (a && b && HAN_PAIR.test(a.c + b.c)) widest = Math.max(widest, b.left - a.left - em)
          }
          out.push({ text: line.map((b) => b.c).join(''), widestGapEm: widest / em, index: out.length })
          line = []
        }
        let first = out.length
        for (const b of boxes) {
          const prev = line.at(-1)
          if (prev && Math.abs(b.top - prev.top) > em / 2) flush()
          line.push(b)
        }
        flush()
        for (let i = first; i < out.length; i++) {
          const l = out[i]
          if (l) l.index = i - first
        }
        first = out.length
      }
      return out
    },
    [selector, host ?? ''] as const,
  )
}
