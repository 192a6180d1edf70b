/**
 * The baseline: the same generated articles as a Hugo site (Debian's `hugo`), headings, paragraphs and photos as
 * Markdown, one plain layout, tags as taxonomy pages. `hugo server` is what an editor using Hugo would preview with.
 */
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

const LAYOUT = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>`
const LIST = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>`

/** One generated article (bench/generate-content.ts) in Hugo's Markdown. */
export function toHugo(text: string): string {
  const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? []
  const field = (name: string) => new RegExp(`^${name}: (.*)$`, 'm').exec(front)?.[1] ?? ''
  const tags = field('tags')
    .split(',')
    .map((t) => JSON.stringify(t.trim()))
  const markdown = body.replace(
    /::: photo (\S+)\nalt: (.*)\ncaption: (.*)\ncredit: (.*)\n:::/g,
    (_m, src: string, alt: string, caption: string, credit: string) =>
      `![${alt}](/${src})\n\n${caption} ${credit}`,
  )
  return `---\ntitle: ${JSON.stringify(field('title'))}\ndate: ${field('published')}\ntags: [${tags.join(', ')}]\n---\n${markdown}`
}

/** Writes a Hugo site under `site` from the tree under `root`; returns where article NAME.md went. */
export async function writeHugoSite(root: string, site: string): Promise<(name: string) => string> {
  const posts = join(site, 'content', 'articles')
  await mkdir(posts, { recursive: true })
  await mkdir(join(site, 'layouts', '_default'), { recursive: true })
  await writeFile(join(site, 'hugo.toml'), 'baseURL = "http://127.0.0.1/"\ntitle = "Broadsheet baseline"\n')
  await writeFile(join(site, 'layouts', '_default', 'single.html'), LAYOUT)
  await writeFile(join(site, 'layouts', '_default', 'list.html'), LIST)
  for (const name of await readdir(join(root, 'articles')))
    await writeFile(join(posts, name), toHugo(await readFile(join(root, 'articles', name), 'utf8')))
  await cp(join(root, 'media'), join(site, 'static', 'media'), { recursive: true })
  return (name) => join(posts, name)
}
