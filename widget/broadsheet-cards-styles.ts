/** The widget's Shadow DOM styles: reset at the host, themed by custom properties, fixed geometry per card. */
import { unsafeCSS } from 'lit'

/**
 * Every text block has a fixed line count so the skeleton and the loaded cards share one geometry (no layout shift).
 * A constant stylesheet wrapped with `unsafeCSS` rather than the `css` tag: the tag's interpolation checks cost
 * ~150 B gzip of the widget's budget and this text interpolates nothing (widget/build.ts minifies it).
 */
export const broadsheetCardsStyles = unsafeCSS(`
  :host {
    all: initial;
    display: block;
    container-type: inline-size;
    min-width: 0;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  ::before,
  ::after {
    box-sizing: border-box;
    margin: 0;
    padding: 0;
  }
  .root {
    /*
     * light-dark() follows color-scheme: auto = the reader's preference, or forced by the theme attribute. Colours
     * used twice are named here; the others stand where they are used.
     */
    --_bg: var(--broadsheet-background, light-dark(#fff, #16181b));
    --_fg: var(--broadsheet-color, light-dark(#1a1a1a, #ececec));
    --_skeleton: light-dark(#ececec, #2a2d31);
    --_cjk: 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Microsoft YaHei';
    color-scheme: light dark;
    font: var(--broadsheet-font-size, 16px) / 1.7
      var(--broadsheet-font-family, system-ui, var(--_cjk), sans-serif);
    color: var(--_fg);
    line-break: strict;
    overflow-wrap: anywhere;
    text-autospace: normal;
  }
  /* Traditional text (a zh-TW feed: the root's lang is the feed's) takes Traditional faces, as pages do. */
  .root:lang(zh-TW),
  .root:lang(zh-HK),
  .root:lang(zh-MO),
  .root:lang(zh-Hant) {
    --_cjk: 'PingFang TC', 'Noto Sans CJK TC', 'Microsoft JhengHei';
  }
  .light {
    color-scheme: light;
  }
  .dark {
    color-scheme: dark;
  }
  .cards {
    display: grid;
    gap: var(--broadsheet-gap, 16px);
    list-style: none;
  }
  .grid .cards {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 240px), 1fr));
  }
  .carousel .cards {
    grid-auto-flow: column;
    grid-auto-columns: min(85%, 300px);
    overflow-x: auto;
    overscroll-behavior-x: contain;
    scroll-snap-type: x mandatory;
    padding-block-end: 8px;
  }
  .carousel .card {
    scroll-snap-align: start;
  }
  .card,
  .state {
    padding: 16px;
    border: 1px solid var(--broadsheet-border, light-dark(#d9d9d9, #3a3d42));
    border-radius: var(--broadsheet-radius, 8px);
    background: var(--_bg);
  }
  .card {
    position: relative;
    display: grid;
    grid-template-areas: 'figure' 'text';
    align-content: start;
    gap: 8px;
    min-width: 0;
    padding: 12px;
  }
  .card:focus-within,
  button:focus-visible {
    outline: 3px solid var(--broadsheet-focus, light-dark(#0b57d0, #8ab4f8));
    outline-offset: 2px;
  }
  @container (min-width: 560px) {
    .list .card {
      grid-template-areas: 'figure text';
      grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
      gap: 16px;
    }
  }
  .text,
  figure {
    min-width: 0;
  }
  .text {
    grid-area: text;
  }
  figure {
    grid-area: figure;
  }
  .title {
    height: 2.8em;
    font-size: 1.0625em;
    font-weight: 700;
    line-height: 1.4;
  }
  .title,
  .excerpt,
  .caption {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
  }
  .excerpt {
    -webkit-line-clamp: 3;
    height: 5.1em;
    font-size: 0.9375em;
  }
  .meta,
  .credit {
    display: block;
    height: 1.7em;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
    color: var(--broadsheet-muted, light-dark(#575757, #b4b4b4));
    font-size: 0.8125em;
  }
  a {
    color: inherit;
    text-decoration: none;
  }
  a::after {
    content: '';
    position: absolute;
    inset: 0;
  }
  a:focus {
    outline: none;
  }
  .card:hover a {
    color: var(--broadsheet-accent, light-dark(#a3111f, #ff9c9c));
    text-decoration: underline;
  }
  .image {
    display: block;
    width: 100%;
    height: auto;
    aspect-ratio: 3 / 2;
    object-fit: cover;
    border-radius: calc(var(--broadsheet-radius, 8px) / 2);
    background: var(--_skeleton);
  }
  .caption {
    height: 3em;
    margin-block-start: 6px;
    font-size: 0.8125em;
    line-height: 1.5;
  }
  .skeleton :is(.title, .excerpt, .meta, .caption) {
    background: var(--_skeleton);
    border-radius: 4px;
  }
  @keyframes pulse {
    50% {
      opacity: 0.55;
    }
  }
  /* Motion only for readers who have not asked for less. */
  @media (prefers-reduced-motion: no-preference) {
    .carousel .cards {
      scroll-behavior: smooth;
    }
    .skeleton :is(.title, .excerpt, .meta, .caption) {
      animation: pulse 1.6s ease-in-out infinite;
    }
  }
  button {
    margin-inline-start: 8px;
    padding: 4px 14px;
    font: inherit;
    color: var(--_bg);
    background: var(--_fg);
    border: 0;
    border-radius: 4px;
    cursor: pointer;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`)
