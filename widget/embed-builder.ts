/**
 * `<broadsheet-embed-builder>`: the home page's embed builder (plain DOM, no Lit; needs /widget.js on the page
 * for its live preview). Its own words follow the page's language: Simplified, Traditional (`zh-Hant*`, `zh-TW`…)
 * or English.
 *
 * API:
 * - Children: one `<option value="NAME">Title</option>` per feed a partner may embed, where NAME is the feed's
 *   name: `all` (the whole paper), `topics/{id}`, `people/{id}` or an article's slug; options may be grouped in
 *   `<optgroup label="…">` (server-rendered; moved into the first select once, on connect).
 * - `base` attribute: the edition's base URL the snippet's feeds and pages use (default: `location.origin`);
 *   `/zh-tw` after the origin in the Traditional edition.
 * - `origin` attribute: the site's origin, where the widget script lives for every edition (default: the origin
 *   of `base`).
 * - Renders, in light DOM (styled by the host page): selects for the feed, layout and theme, a live
 *   `<broadsheet-cards>` preview, a read-only `<textarea>` with the snippet and a Copy button.
 * - Fires `broadsheet-embed-change` (`CustomEvent<{ snippet: string }>`) whenever the snippet changes.
 */

import { embedSnippet } from '../model/embed-snippet.ts'
import { feedUrl } from '../model/feed-urls.ts'
import { uiStrings } from './ui-strings.ts'

const LAYOUTS = ['list', 'grid', 'carousel']
const THEMES = ['auto', 'light', 'dark']
let uid = 0

/** The builder's own words, in the page's language (Simplified, Traditional or English). */
const WORDS = {
  zh: {
    article: '内容',
    layout: '版式',
    theme: '主题',
    code: '嵌入代码',
    copy: '复制',
    copied: '已复制',
    manual: '请按 Ctrl+C 复制',
  },
  zhTw: {
    article: '內容',
    layout: '版式',
    theme: '主題',
    code: '嵌入程式碼',
    copy: '複製',
    copied: '已複製',
    manual: '請按 Ctrl+C 複製',
  },
  en: {
    article: 'Show',
    layout: 'Layout',
    theme: 'Theme',
    code: 'Embed code',
    copy: 'Copy',
    copied: 'Copied',
    manual: 'Press Ctrl+C to copy',
  },
}

/** A labelled select holding `options`: value/text pairs, or the host's own option and optgroup elements. */
function select(label: string, options: [string, string][] | Element[]): HTMLLabelElement {
  const wrap = document.createElement('label')
  const el = document.createElement('select')
  for (const o of options) el.append(Array.isArray(o) ? new Option(o[1], o[0]) : o)
  wrap.append(`${label} `, el)
  return wrap
}

/** The builder element; see the module comment for its API. */
export class BroadsheetEmbedBuilder extends HTMLElement {
  connectedCallback(): void {
    if (this.querySelector('textarea')) return
    const choices = [...this.children].filter(
      (c) => c instanceof HTMLOptionElement || c instanceof HTMLOptGroupElement,
    )
    const base = (this.getAttribute('base') ?? location.origin).replace(/\/+$/, '')
    const origin = (this.getAttribute('origin') ?? new URL(base, location.href).origin).replace(/\/+$/, '')
    const id = `broadsheet-embed-${++uid}`
    // The widget's own choice of script for the page's language.
    const ui = uiStrings(this.closest('[lang]')?.getAttribute('lang') ?? '').lang
    const words = ui === 'zh-TW' ? WORDS.zhTw : ui === 'zh-CN' ? WORDS.zh : WORDS.en
    const [article, layout, theme] = [
      select(words.article, choices),
      select(
        words.layout,
        LAYOUTS.map((l) => [l, l]),
      ),
      select(
        words.theme,
        THEMES.map((t) => [t, t]),
      ),
    ]
    const preview = document.createElement('broadsheet-cards')
    const code = document.createElement('textarea')
    code.id = id
    code.readOnly = true
    code.rows = 4
    const codeLabel = document.createElement('label')
    codeLabel.htmlFor = id
    codeLabel.textContent = words.code
    const copy = document.createElement('button')
    copy.type = 'button'
    copy.textContent = words.copy
    const status = document.createElement('output')
    const update = (): void => {
      const chosen = article.querySelector('select')?.selectedOptions[0]
      const [slug, title] = [chosen?.value ?? '', chosen?.text ?? '']
      const l = layout.querySelector('select')?.value ?? 'list'
      const t = theme.querySelector('select')?.value ?? 'auto'
      preview.setAttribute('src', feedUrl(base, slug, 'json'))
      preview.setAttribute('layout', l)
      preview.setAttribute('theme', t)
      code.value = embedSnippet({ baseUrl: base, origin }, slug, title, { layout: l, theme: t })
      status.textContent = ''
      this.dispatchEvent(new CustomEvent('broadsheet-embed-change', { detail: { snippet: code.value } }))
    }
    copy.addEventListener('click', async () => {
      code.select()
      try {
        await navigator.clipboard.writeText(code.value)
        status.textContent = words.copied
      } catch {
        status.textContent = words.manual
      }
    })
    this.replaceChildren(article, layout, theme, preview, codeLabel, code, copy, status)
    this.addEventListener('change', update)
    update()
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'broadsheet-embed-change': CustomEvent<{ snippet: string }>
  }
}

if (!customElements.get('broadsheet-embed-builder'))
  customElements.define('broadsheet-embed-builder', BroadsheetEmbedBuilder)
