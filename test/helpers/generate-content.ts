/** Writes a synthetic content tree in the editors' format: N articles × S sections × P photos, each photo its own SVG. */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

export interface TreeShape {
  articles: number
  sections: number
  photos: number
  /** Number of the first generated article (default 0): lets callers add articles to an existing tree. */
  firstIndex?: number
}

const PARAGRAPH = '綦江区将持续在扩大城市规模、提升城市能级等方面下功夫，加快綦万“三化”发展。'.repeat(6)

/** Distinct photo files in a generated tree. */
export const PHOTO_POOL = 24

function svg(label: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800" viewBox="0 0 1200 800"><rect width="1200" height="800" fill="#ddd"/><text x="40" y="400" font-size="48">示意图 Placeholder ${label}</text></svg>\n`
}

function article(i: number, shape: TreeShape): { md: string; images: Map<string, string> } {
  const images = new Map<string, string>()
  const day = String((i % 28) + 1).padStart(2, '0')
  const lines = [
    '---',
    `slug: bench-article-${i}`,
    `title: 基准测试文章 ${i}`,
    `dek: 第 ${i} 篇生成的文章。`,
    'lang: zh-CN',
    'byline: 文/记者 刘柳吟',
    `published: 2020-${String((i % 12) + 1).padStart(2, '0')}-${day}T08:00:00+08:00`,
    'tags: 綦江, 基准',
    '---',
    '',
    PARAGRAPH,
    '',
  ]
  for (let s = 0; s < shape.sections; s++) {
    lines.push(`## 小标题 ${i}-${s} {#section-${s}}`, '')
    for (let p = 0; p < shape.photos; p++) {
      // A pool of photos, each with its own caption: renditions carry the caption, so every distinct
      // (file, caption) is encoded once; a pool keeps a generated site's first publish to seconds.
      const k = (i * shape.sections * shape.photos + s * shape.photos + p) % PHOTO_POOL
      const name = `media/p${k}.svg`
      images.set(name, svg(`${k}`))
      lines.push(
        `::: photo ${name}`,
        `alt: 示意图 ${i}-${s}-${p}`,
        `caption: 图片说明 ${k}。`,
        'credit: 记者 石亮',
        ':::',
        '',
      )
    }
    lines.push(PARAGRAPH, '', PARAGRAPH, '')
  }
  return { md: lines.join('\n'), images }
}

/** Writes the tree under `root` (articles/ and media/). */
export async function generateContent(root: string, shape: TreeShape): Promise<void> {
  await mkdir(join(root, 'articles'), { recursive: true })
  await mkdir(join(root, 'media'), { recursive: true })
  const first = shape.firstIndex ?? 0
  // Each pool photo is written once, not once per article naming it (150,000 writes at 10,000 articles).
  const written = new Set<string>()
  for (let i = first; i < first + shape.articles; i++) {
    const { md, images } = article(i, shape)
    await writeFile(join(root, 'articles', `bench-article-${i}.md`), md)
    for (const [name, body] of images) {
      if (written.has(name)) continue
      written.add(name)
      await writeFile(join(root, name), body)
    }
  }
}
