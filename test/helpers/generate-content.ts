/** Writes a synthetic content tree in the editors' format: N articles × S sections × P photos, each photo its own SVG. */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

export interface TreeShape {
  articles: number
  sections: number
  photos: number
  /** Number of the first generated article (default 0): lets callers add articles to an existing tree. */
  firstIndex?: number
  /** Topics to spread the articles over, 3 tags an article (default: every article tagged 綦江 and 基准). */
  topics?: number
  /** People to credit, 2 an article, the first also taking its photos (default: 刘柳吟 writes, 石亮 photographs). */
  people?: number
  /**
   * Who takes every photo instead of the first writer: renditions carry the credit, so a benchmark of many people
   * keeps the photos a pool of 24 (one credit) rather than encoding 24 per photographer.
   */
  photographer?: string
}

/** The tags of generated article i: 3 of the shape's topics, spread so every topic gets articles. */
export function generatedTags(i: number, shape: TreeShape): string[] {
  const n = shape.topics
  if (!n) return ['綦江', '基准']
  return [...new Set([0, 1, 2].map((j) => `基准话题${(i * 7 + j * 101) % n}`))]
}

/** Who wrote article i and who took its photos. */
export function generatedPeople(i: number, shape: TreeShape): { writers: string[]; photographer: string } {
  const n = shape.people
  if (!n) return { writers: ['刘柳吟'], photographer: '石亮' }
  const a = `基准人${(i * 3) % n}`
  const b = `基准人${(i * 3 + 1) % n}`
  return { writers: a === b ? [a] : [a, b], photographer: shape.photographer ?? a }
}

const PARAGRAPH = '綦江区将持续在扩大城市规模、提升城市能级等方面下功夫，加快綦万“三化”发展。'.repeat(6)

/** Distinct photo files in a generated tree. */
export const PHOTO_POOL = 24

function svg(label: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800" viewBox="0 0 1200 800"><rect width="1200" height="800" fill="#ddd"/><text x="40" y="400" font-size="48">示意图 Placeholder ${label}</text></svg>\n`
}

function article(i: number, shape: TreeShape): { md: string; images: Map<string, string> } {
  const images = new Map<string, string>()
  const { writers, photographer } = generatedPeople(i, shape)
  const day = String((i % 28) + 1).padStart(2, '0')
  const lines = [
    '---',
    `slug: bench-article-${i}`,
    `title: 基准测试文章 ${i}`,
    `dek: 第 ${i} 篇生成的文章。`,
    'lang: zh-CN',
    `byline: 文/记者 ${writers[0]}${writers[1] ? ` 通讯员 ${writers[1]}` : ''}`,
    `published: 2020-${String((i % 12) + 1).padStart(2, '0')}-${day}T08:00:00+08:00`,
    `tags: ${generatedTags(i, shape).join(', ')}`,
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
        `credit: 记者 ${photographer}`,
        ':::',
        '',
      )
    }
    lines.push(PARAGRAPH, '', PARAGRAPH, '')
  }
  return { md: lines.join('\n'), images }
}

/** Appends a block for each name the file lacks (content/topics.md, content/people.md); ids from `id`. */
async function addSubjects(
  file: string,
  kind: 'topic' | 'person',
  names: Iterable<string>,
  id: (name: string) => string,
) {
  const text = await readFile(file, 'utf8').catch(() => '')
  const known = new Set([...text.matchAll(/^name: (.*)$/gmu)].map((m) => m[1]))
  const blocks = [...new Set(names)]
    .filter((name) => !known.has(name))
    .map((name) => `::: ${kind} ${id(name)}\nname: ${name}\n:::\n`)
  if (blocks.length > 0)
    await writeFile(file, `${text}${text && !text.endsWith('\n') ? '\n' : ''}\n${blocks.join('\n')}`)
}

const SEED_IDS: Readonly<Record<string, string>> = {
  綦江: 'qijiang',
  基准: 'bench',
  刘柳吟: 'liu-liuyin',
  石亮: 'shi-liang',
}

/** The id of a generated name: `基准话题12` → bench-topic-12, `基准人3` → bench-person-3. */
const generatedId = (name: string): string =>
  SEED_IDS[name] ?? name.replace('基准话题', 'bench-topic-').replace('基准人', 'bench-person-')

/** Writes the tree under `root` (articles/ and media/), and the topics and people its articles name. */
export async function generateContent(root: string, shape: TreeShape): Promise<void> {
  await mkdir(join(root, 'articles'), { recursive: true })
  const first = shape.firstIndex ?? 0
  const range = Array.from({ length: shape.articles }, (_, k) => first + k)
  await addSubjects(
    join(root, 'topics.md'),
    'topic',
    range.flatMap((i) => generatedTags(i, shape)),
    generatedId,
  )
  await addSubjects(
    join(root, 'people.md'),
    'person',
    range.flatMap((i) => {
      const p = generatedPeople(i, shape)
      return [...p.writers, p.photographer]
    }),
    generatedId,
  )
  await mkdir(join(root, 'media'), { recursive: true })
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
