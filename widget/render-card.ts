/** Lit templates for one card and for its skeleton, which shares the card's classes and so its geometry. */
import { html, nothing, type TemplateResult } from 'lit'
import type { Card } from './parse-feed.ts'
import type { UiStrings } from './ui-strings.ts'

/** How cards link and head themselves, resolved from the element's attributes. */
export interface CardOptions {
  ui: UiStrings
  headingLevel: number
  target: '_self' | '_blank'
}

/** `2020-12-22T07:00:00+08:00` → the newsroom's calendar date in the UI language (a date-only string parses as
 * UTC midnight, and formatting in UTC keeps the day the newsroom wrote, whatever the reader's time zone). */
function formatDate(published: string, lang: string): string {
  const date = new Date(published.slice(0, 10))
  return Number.isNaN(date.getTime())
    ? ''
    : date.toLocaleDateString(lang, { dateStyle: 'medium', timeZone: 'UTC' })
}

/** One card: the heading link is the card's only tab stop; its ::after makes the whole card clickable. */
export function renderCard(card: Card, { ui, headingLevel, target }: CardOptions): TemplateResult {
  const { photo } = card
  // Templates are written without indentation: whitespace inside html`` ships in the bundle and the DOM.
  const link = html`<a part="link" href=${card.url} target=${target} rel=${target === '_blank' ? 'noopener' : nothing}>${card.title}</a>`
  const time = card.published
    ? html`<time datetime=${card.published}>${formatDate(card.published, ui.lang)}</time>`
    : nothing
  // `sizes="auto"` (lazy images): the browser takes the card's laid-out width, so each card loads the rendition
  // it needs (400px where `auto` is unknown); the feed's JPEG where srcset is.
  const image = photo
    ? html`<img class="image" part="image" src=${photo.url} srcset=${photo.srcset ?? nothing} sizes="auto, 400px" alt=${photo.alt} width=${photo.width ?? nothing} height=${photo.height ?? nothing} loading="lazy" decoding="async">`
    : html`<div class="image"></div>`
  // A Chinese UI prints the feed's own credit line (in the feed's script); English words its own.
  const credit = photo?.credit
    ? (ui.lang !== 'en' && photo.line) || ui.credit(photo.credit.role, photo.credit.name)
    : ''
  return html`<li class="card" part="card"><div class="text"><div class="title" role="heading" aria-level=${headingLevel} part="title">${link}</div><p class="meta" lang=${ui.lang}>${time}</p><p class="excerpt">${card.excerpt}</p></div><figure>${image}<figcaption><span class="caption" part="caption">${photo?.caption ?? ''}</span><span class="credit" part="credit" lang=${ui.lang}>${credit}</span></figcaption></figure></li>`
}

/** A placeholder card with the same boxes as `renderCard`, hidden from assistive technology. */
export const renderSkeleton = (): TemplateResult =>
  html`<li class="card skeleton"><div class="text"><div class="title"></div><p class="meta"></p><p class="excerpt"></p></div><figure><div class="image"></div><span class="caption"></span><span class="credit"></span></figure></li>`
