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
  }
  .root {
    /* light-dark() follows color-scheme: auto = the reader's preference, or forced by the theme attribute. */
    --_bg: var(--broadsheet-background, light-dark(#fff, #16181b));
    --_fg: var(--broadsheet-color, light-dark(#1a1a1a, #ececec));
    --_muted: var(--broadsheet-muted, light-dark(#575757, #b4b4b4));
    --_accent: var(--broadsheet-accent, light-dark(#a3111f, #ff9c9c));
    --_line: var(--broadsheet-border, light-dark(#d9d9d9, #3a3d42));
    --_focus: var(--broadsheet-focus, light-dark(#0b57d0, #8ab4f8));
    --_skeleton: light-dark(#ececec, #2a2d31);
    color-scheme: light dark;
    font: 400 var(--broadsheet-font-size, 16px) / 1.7
      var(--broadsheet-font-family, system-ui, 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif);
    color: var(--_fg);
    line-break: strict;
    overflow-wrap: anywhere;
    text-align: start;
  }
  .theme-light {
    color-scheme: light;
  }
  .theme-dark {
    color-scheme: dark;
  }
  .cards {
    display: grid;
    gap: var(--broadsheet-gap, 16px);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .layout-grid .cards {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 240px), 1fr));
  }
  .layout-carousel .cards {
    grid-auto-flow: column;
    grid-auto-columns: min(85%, 300px);
    overflow-x: auto;
    overscroll-behavior-x: contain;
    scroll-snap-type: x mandatory;
    scroll-behavior: smooth;
    padding-block-end: 8px;
  }
  .layout-carousel .card {
    scroll-snap-align: start;
  }
  .card {
    position: relative;
    display: grid;
    grid-template-areas: 'figure' 'text';
    align-content: start;
    gap: 8px;
    min-width: 0;
    padding: 12px;
    border: 1px solid var(--_line);
    border-radius: var(--broadsheet-radius, 8px);
    background: var(--_bg);
  }
  .card:focus-within {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  @container (min-width: 560px) {
    .layout-list .card {
      grid-template-areas: 'figure text';
      grid-template-columns: minmax(0, 2fr) minmax(0, 3fr);
      gap: 16px;
    }
  }
  .text,
  figure,
  .figure {
    min-width: 0;
    margin: 0;
  }
  .text {
    grid-area: text;
  }
  figure,
  .figure {
    grid-area: figure;
  }
  .title {
    height: 2.8em;
    margin: 0;
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
    margin: 0;
    font-size: 0.9375em;
  }
  .meta,
  .credit {
    display: block;
    height: 1.7em;
    margin: 0;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
    color: var(--_muted);
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
    color: var(--_accent);
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
  .skeleton .title,
  .skeleton .excerpt,
  .skeleton .meta,
  .skeleton .caption {
    background: var(--_skeleton);
    border-radius: 4px;
    animation: pulse 1.6s ease-in-out infinite;
  }
  @keyframes pulse {
    50% {
      opacity: 0.55;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .layout-carousel .cards {
      scroll-behavior: auto;
    }
    .skeleton * {
      animation: none !important;
    }
  }
  .state {
    margin: 0;
    background: var(--_bg);
    padding: 16px;
    border: 1px solid var(--_line);
    border-radius: var(--broadsheet-radius, 8px);
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
  button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
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
