/** Reads an SVG's intrinsic size from its root tag: width/height in px (or unitless), else the viewBox. */

const ROOT = /<svg\b([^>]*)>/i
const attr = (tag: string, name: string) =>
  new RegExp(`(?:^|\\s)${name}\\s*=\\s*["']\\s*([^"']*?)\\s*["']`, 'i').exec(tag)?.[1]
const pixels = (v: string | undefined) => {
  const m = v === undefined ? null : /^(\d+(?:\.\d+)?)(?:px)?$/.exec(v)
  return m ? Math.round(Number(m[1])) : undefined
}

/** Width and height in whole pixels, or undefined when neither the attributes nor a viewBox give them. */
export function measureSvg(svg: string): { width: number; height: number } | undefined {
  const tag = ROOT.exec(svg)?.[1] ?? ''
  const box = (attr(tag, 'viewBox') ?? '').split(/[\s,]+/).map(Number)
  const width = pixels(attr(tag, 'width')) ?? Math.round(box[2] ?? Number.NaN)
  const height = pixels(attr(tag, 'height')) ?? Math.round(box[3] ?? Number.NaN)
  return width >= 1 && height >= 1 ? { width, height } : undefined
}
