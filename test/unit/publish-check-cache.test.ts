/**
 * Publish's check cache: an unchanged file is not read again and stands in as a stub with its source hash; any
 * change to the file, an image it uses or the topics file checks it again; stubs turn back into the very drafts
 * checkContent builds, and a file changed behind a stub stops the publish. The answer is always checkContent's.
 */
import { isAscii } from 'node:buffer'
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { checkForPublish } from '../../editor/content/check-cache.ts'
import { checkContent } from '../../editor/content/check-content.ts'
import type { DraftArticle } from '../../editor/content/draft.ts'
import { fileStamp } from '../../editor/content/file-stamp.ts'
import { photoSources } from '../../editor/publish/build-article.ts'
import { isStub } from '../../editor/publish/draft-stub.ts'
import { sourceHash } from '../../editor/publish/source-hash.ts'
import {
  edit,
  goodArticle,
  goodTopics,
  goodTree,
  PNG_1X1,
  removeTrees,
  writeTree,
} from '../fixtures/content/content-tree.ts'

afterEach(removeTrees)

const second = edit(goodArticle(), 'slug: test-article', 'slug: second-article')

async function tree(): Promise<{ root: string; cache: string }> {
  const root = await writeTree({ ...goodTree(), 'articles/second-article.md': second })
  return { root, cache: await mkdtemp(path.join(tmpdir(), 'broadsheet-check-cache-')) }
}

/** A tree checked once, then its second article edited and checked again (the edit in the cache's log). */
async function editedAfterCheck() {
  const { root, cache } = await tree()
  await checkForPublish(root, cache)
  await writeFile(
    path.join(root, 'articles', 'second-article.md'),
    edit(second, '第二节的段落。', '第二节改过的段落。'),
  )
  await checkForPublish(root, cache)
  return { root, cache }
}

/** What publish compares: slugs, source hashes and the photo files each article uses. */
const facts = (drafts: readonly DraftArticle[]) =>
  drafts.map((d) => ({
    slug: d.slug,
    source: sourceHash(d),
    photos: photoSources(d),
    published: d.published,
  }))

describe('the check cache of publish', () => {
  it('reads no file of an unchanged tree a second time, and answers what checkContent answers', async () => {
    const { root, cache } = await tree()
    const first = await checkForPublish(root, cache)
    expect(first.read).toBe(2)
    expect(first.articles.some(isStub)).toBe(false)
    const again = await checkForPublish(root, cache)
    expect(again.read).toBe(0)
    expect(again.articles.every(isStub)).toBe(true)
    const truth = await checkContent(root, { warnings: false })
    expect(facts(again.articles)).toEqual(facts(truth.articles))
    expect(again.problems).toEqual(truth.problems)
  })

  it('turns stubs back into the drafts checkContent builds', async () => {
    const { root, cache } = await tree()
    await checkForPublish(root, cache)
    const again = await checkForPublish(root, cache)
    const truth = await checkContent(root, { warnings: false })
    expect(again.full(again.articles)).toEqual(truth.articles)
  })

  it('keeps every header a stub carries as checkContent reads it, through an ASCII cache file and its log', async () => {
    const { root, cache } = await editedAfterCheck()
    const names = (await readdir(cache)).filter((n) => n.endsWith('.json') || n.endsWith('.log'))
    expect(names).toHaveLength(2)
    for (const n of names) expect(isAscii(await readFile(path.join(cache, n)))).toBe(true)
    const again = await checkForPublish(root, cache)
    expect(again.read).toBe(0)
    const truth = await checkContent(root, { warnings: false })
    const header = ({ lede: _l, sections: _s, photos: _p, ...rest }: DraftArticle) => rest
    expect(again.articles.map(header)).toEqual(truth.articles.map(header))
    // Chinese came back as Chinese.
    expect(again.articles.map((d) => d.title).join('')).toMatch(/[\u4e00-\u9fff]/)
  })

  it('checks again a file that was edited, and only that one', async () => {
    const { root, cache } = await tree()
    await checkForPublish(root, cache)
    const file = path.join(root, 'articles', 'second-article.md')
    await writeFile(file, edit(second, '第二节的段落。', '第二节改过的段落。'))
    const after = await checkForPublish(root, cache)
    expect(after.read).toBe(1)
    const edited = after.articles.find((d) => d.slug === 'second-article')
    expect(edited && isStub(edited)).toBe(false)
    expect(edited?.sections[1]?.paragraphs).toEqual(['第二节改过的段落。'])
  })

  it('takes the stamps it is given for the files (the receipt took them before the check) instead of their stats now', async () => {
    const { root, cache } = await tree()
    await checkForPublish(root, cache)
    const file = path.join(root, 'articles', 'second-article.md')
    const before = fileStamp(file)
    await writeFile(file, edit(second, '第二节的段落。', '第二节改过的段落。'))
    // Stamped before the edit: the file stands as it was checked (the edit is the next publish's).
    const given = await checkForPublish(root, cache, new Map([[path.resolve(file), before]]))
    expect(given.read).toBe(0)
    // Its stats now show the edit.
    expect((await checkForPublish(root, cache)).read).toBe(1)
  })

  it("appends an edit to the cache's log, leaving the cache file as it was, and reads it back", async () => {
    const { root, cache } = await tree()
    await checkForPublish(root, cache)
    const [name] = (await readdir(cache)).filter((n) => n.endsWith('.json'))
    const cacheFile = path.join(cache, name ?? '')
    const written = await readFile(cacheFile, 'utf8')
    const file = path.join(root, 'articles', 'second-article.md')
    await writeFile(file, edit(second, '第二节的段落。', '第二节改过的段落。'))
    expect((await checkForPublish(root, cache)).read).toBe(1)
    expect(await readFile(cacheFile, 'utf8')).toBe(written)
    expect((await readFile(`${cacheFile}.log`, 'utf8')).trim().split('\n')).toHaveLength(1)
    const again = await checkForPublish(root, cache)
    expect(again.read).toBe(0)
    expect(facts(again.articles)).toEqual(facts((await checkContent(root, { warnings: false })).articles))
    // A file gone from the tree leaves the cache through the log too; one back is checked again.
    const text = await readFile(file, 'utf8')
    await rm(file)
    expect((await checkForPublish(root, cache)).articles.map((d) => d.slug)).toEqual(['test-article'])
    await writeFile(file, text)
    expect((await checkForPublish(root, cache)).read).toBe(1)
    expect((await checkForPublish(root, cache)).read).toBe(0)
  })

  it('checks again the files of a torn last line of the log (a run stopped while appending), nothing else', async () => {
    const { root, cache } = await editedAfterCheck()
    const [name] = (await readdir(cache)).filter((n) => n.endsWith('.log'))
    const log = path.join(cache, name ?? '')
    const line = await readFile(log, 'utf8')
    await writeFile(log, line.slice(0, Math.floor(line.length / 2)))
    const after = await checkForPublish(root, cache)
    expect(after.read).toBe(1)
    expect(facts(after.articles)).toEqual(facts((await checkContent(root, { warnings: false })).articles))
  })

  it('writes the whole cache file again, and empties the log, when an image was written again', async () => {
    const { root, cache } = await editedAfterCheck()
    expect((await readdir(cache)).some((n) => n.endsWith('.log'))).toBe(true)
    const image = path.join(root, 'media', 'a.png')
    await writeFile(image, await readFile(image))
    expect((await checkForPublish(root, cache)).read).toBe(0)
    expect((await readdir(cache)).some((n) => n.endsWith('.log'))).toBe(false)
    expect((await checkForPublish(root, cache)).read).toBe(0)
  })

  it('checks again every article using an image that changed', async () => {
    const { root, cache } = await tree()
    await checkForPublish(root, cache)
    const bigger = Buffer.from(PNG_1X1)
    await writeFile(path.join(root, 'media', 'a.png'), Buffer.concat([bigger, Buffer.alloc(16)]))
    const after = await checkForPublish(root, cache)
    expect(after.read).toBe(2)
    expect(facts(after.articles)).toEqual(facts((await checkContent(root, { warnings: false })).articles))
  })

  it('reads no article again when an image was written again with the same bytes (its stat changed)', async () => {
    const { root, cache } = await tree()
    await checkForPublish(root, cache)
    const image = path.join(root, 'media', 'a.png')
    await writeFile(image, await readFile(image))
    await utimes(image, new Date('2030-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z'))
    const after = await checkForPublish(root, cache)
    expect(after.read).toBe(0)
    expect(after.articles.every(isStub)).toBe(true)
    expect(facts(after.articles)).toEqual(facts((await checkContent(root, { warnings: false })).articles))
    expect(after.full(after.articles)).toEqual((await checkContent(root, { warnings: false })).articles)
    // Then changed for real: both articles are checked again, whatever stat the cache now holds for it.
    await writeFile(image, Buffer.concat([Buffer.from(PNG_1X1), Buffer.alloc(16)]))
    expect((await checkForPublish(root, cache)).read).toBe(2)
  })

  it('checks everything again when the topics file changes, and reports what it now finds', async () => {
    const { root, cache } = await tree()
    await checkForPublish(root, cache)
    await writeFile(path.join(root, 'topics.md'), goodTopics().replace(/^.*测试.*$/m, ''))
    const after = await checkForPublish(root, cache)
    expect(after.read).toBe(2)
    expect(after.problems.length).toBeGreaterThan(0)
    expect(after.problems).toEqual((await checkContent(root, { warnings: false })).problems)
  })

  it('never remembers a file with problems: it is reported on every run', async () => {
    const { root, cache } = await tree()
    const file = path.join(root, 'articles', 'second-article.md')
    await writeFile(file, edit(second, 'lang: zh-CN', 'lang:'))
    const first = await checkForPublish(root, cache)
    const again = await checkForPublish(root, cache)
    expect(again.read).toBe(1)
    expect(again.problems).toEqual(first.problems)
    expect(again.problems.map((p) => p.file)).toEqual(['articles/second-article.md'])
  })

  it('refuses to build from a stub whose file changed after the check', async () => {
    const { root, cache } = await tree()
    await checkForPublish(root, cache)
    const again = await checkForPublish(root, cache)
    const file = path.join(root, 'articles', 'second-article.md')
    await writeFile(file, (await readFile(file, 'utf8')).replace('第二节的段落。', '后来改的段落。'))
    expect(() => again.full(again.articles)).toThrow(
      'content/articles/second-article.md changed while publishing; publish again',
    )
  })
})
