/** `<broadsheet-cards>`: news cards with captions from a JSON Feed, for any partner page. */
import { html, LitElement, type PropertyValues, type TemplateResult } from 'lit'
import { broadsheetCardsStyles } from './broadsheet-cards-styles.ts'
import type { BroadsheetErrorDetail, BroadsheetLoadDetail } from './broadsheet-events.ts'
import { FeedError } from './feed-error.ts'
import { loadFeed } from './load-feed.ts'
import type { Card, CardFeed } from './parse-feed.ts'
import { renderCard, renderSkeleton } from './render-card.ts'
import { uiStrings } from './ui-strings.ts'

const LAYOUTS = ['list', 'grid', 'carousel'] as const
const THEMES = ['auto', 'light', 'dark'] as const
const pick = <T extends string>(allowed: readonly T[], value: string, fallback: T): T =>
  allowed.find((a) => a === value) ?? fallback
const clampInt = (v: number, min: number, max: number, fallback: number): number =>
  Number.isInteger(v) ? Math.min(max, Math.max(min, v)) : fallback

/**
 * Section cards from a JSON Feed 1.1 (the `_broadsheet` extension adds captions and photo credits).
 * Light-DOM children (a plain link) show until the element upgrades and whenever JavaScript is off.
 *
 * @fires broadsheet-load - `CustomEvent<BroadsheetLoadDetail>` after the cards render (bubbles, composed).
 * @fires broadsheet-error - `CustomEvent<BroadsheetErrorDetail>` when the feed cannot be loaded (bubbles, composed).
 * @csspart card - each card (`<li>`). @csspart title - the heading. @csspart link - the title link.
 * @csspart image - the photo. @csspart caption - the photo caption. @csspart credit - the photo credit.
 * @cssprop --broadsheet-background - card and state background.
 * @cssprop --broadsheet-color - text colour. @cssprop --broadsheet-muted - date and credit colour.
 * @cssprop --broadsheet-accent - title colour on hover. @cssprop --broadsheet-border - card border colour.
 * @cssprop --broadsheet-focus - focus ring colour. @cssprop --broadsheet-radius - card corner radius (8px).
 * @cssprop --broadsheet-gap - space between cards (16px). @cssprop --broadsheet-font-size - base size (16px).
 * @cssprop --broadsheet-font-family - font stack (system CJK fonts, then sans-serif).
 */
export class BroadsheetCards extends LitElement {
  static override styles = broadsheetCardsStyles
  // Static declarations rather than decorators: the decorator helpers would cost ~200 B gzip of the 10 KB budget.
  static override properties = {
    src: {},
    section: {},
    limit: { type: Number },
    layout: {},
    theme: {},
    headingLevel: { attribute: 'heading-level', type: Number },
    target: {},
    lang: {},
    status: { state: true },
    feed: { state: true },
  }

  /** URL of any JSON Feed 1.x; fetched without credentials when the element nears the viewport. */
  src = ''
  /** Show only the item whose `_broadsheet.section_id` equals this id (empty = every item). */
  section = ''
  /** Most cards shown, 1..50 (default 6); also the number of skeleton cards while loading. */
  limit = 6
  /** `list` (default), `grid` or `carousel` (scroll snap, never autoplays). */
  layout = 'list'
  /** `auto` (default, follows prefers-color-scheme), `light` or `dark`. */
  theme = 'auto'
  /** `aria-level` of each card title, 1..6 (default 3), to fit the host page's outline. */
  headingLevel = 3
  /** `_self` (default) or `_blank` (links then carry rel="noopener"). */
  target = '_self'
  /** UI language (`zh-CN` or `en`); default: the feed's `language`, then the page's. */
  override lang = ''

  private status: 'idle' | 'loading' | 'loaded' | 'error' = 'idle'
  private feed: CardFeed | undefined
  private controller: AbortController | undefined
  private observer: IntersectionObserver | undefined
  private near = false

  override connectedCallback(): void {
    super.connectedCallback()
    // Fetch only when the reader is about to see the cards: no request for widgets far below the fold.
    this.observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return
        this.near = true
        this.observer?.disconnect()
        void this.load()
      },
      { rootMargin: '400px' },
    )
    this.observer.observe(this)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    this.observer?.disconnect()
    this.controller?.abort()
    this.near = false
    if (this.status === 'loading') this.status = 'idle'
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('src') && changed.get('src') !== undefined && this.near) void this.load()
  }

  /** Fetches `src` again (the error state's retry button calls this). */
  async load(): Promise<void> {
    this.controller?.abort()
    const controller = new AbortController()
    this.controller = controller
    this.feed = undefined
    if (!this.src) {
      this.status = 'idle'
      return
    }
    const src = new URL(this.src, document.baseURI).href
    this.status = 'loading'
    try {
      const feed = await loadFeed(src, controller.signal)
      if (controller.signal.aborted) return
      this.feed = feed
      this.status = 'loaded'
      await this.updateComplete
      this.emit<BroadsheetLoadDetail>('broadsheet-load', { src, count: this.cards().length })
    } catch (e) {
      if (controller.signal.aborted) return
      const error =
        e instanceof FeedError ? e : new FeedError(e instanceof Error ? e.message : 'unreadable feed')
      this.status = 'error'
      this.emit<BroadsheetErrorDetail>('broadsheet-error', {
        src,
        message: error.message,
        ...(error.status ? { status: error.status } : {}),
      })
    }
  }

  private emit<T>(type: 'broadsheet-load' | 'broadsheet-error', detail: T): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }))
  }

  private cards(): Card[] {
    const all = this.feed?.cards ?? []
    const shown = this.section ? all.filter((c) => c.sectionId === this.section) : all
    return shown.slice(0, this.maxCards())
  }

  private maxCards = (): number => clampInt(this.limit, 1, 50, 6)

  protected override render(): TemplateResult {
    const pageLang = document.documentElement.lang
    const ui = uiStrings(this.lang || this.feed?.language || pageLang)
    // The theme and the layout are classes of their own names (`dark`, `carousel`): nothing else is named so.
    const classes = `root ${pick(THEMES, this.theme, 'auto')} ${pick(LAYOUTS, this.layout, 'list')}`
    return html`<div class=${classes} lang=${this.feed?.language ?? ui.lang}>${this.renderBody(ui)}</div>`
  }

  private renderBody(ui: ReturnType<typeof uiStrings>): TemplateResult {
    if (this.status === 'error')
      return html`<div class="state" role="alert" lang=${ui.lang}>${ui.error}<button type="button" @click=${() => this.load()}>${ui.retry}</button></div>`
    if (this.status !== 'loaded')
      return html`<p class="sr-only" role="status" lang=${ui.lang}>${ui.loading}</p><ul class="cards" aria-hidden="true">${Array.from({ length: this.maxCards() }, renderSkeleton)}</ul>`
    const cards = this.cards()
    if (cards.length === 0) return html`<p class="state" role="status" lang=${ui.lang}>${ui.empty}</p>`
    const options = {
      ui,
      headingLevel: clampInt(this.headingLevel, 1, 6, 3),
      target: this.target === '_blank' ? ('_blank' as const) : ('_self' as const),
    }
    return html`<ul class="cards" role="list">${cards.map((c) => renderCard(c, options))}</ul>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'broadsheet-cards': BroadsheetCards
  }
}
