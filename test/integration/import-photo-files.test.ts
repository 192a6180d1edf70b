/** `content:import --photos`: files fill the photo placeholders and offer their embedded caption and creator. */
import { spawnSync } from 'node:child_process'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { attachPhotoFiles } from '../../editor/import/attach-photo-files.ts'
import { CAMERA_TAGS, cameraJpeg } from '../helpers/camera-jpeg.ts'

const SEED = 'test/fixtures/content/seed-print-000_6356c52bb20637ed.txt'
const tsx = path.resolve('node_modules/.bin/tsx')
let camera: string

beforeAll(async () => {
  camera = (await cameraJpeg(600, 400)).file
}, 60_000)
afterAll(() => rm(path.dirname(camera), { recursive: true, force: true }))

const block = (n: number, caption: string, credit: string) =>
  [`::: photo TODO-image-${n}`, `alt: ${caption}`, `caption: ${caption}`, `credit: ${credit}`, ':::'].join(
    '\n',
  )

describe('attachPhotoFiles', () => {
  it('takes a missing print credit from the file creator, and names a differing caption', () => {
    const markdown = block(1, '高新区一角。', 'TODO-ROLE-NAME')
    const { markdown: out, notes } = attachPhotoFiles(markdown, [
      { name: 'a.jpg', embedded: { creator: '通讯员 罗胜', caption: '綦城云海。' } },
    ])
    expect(out).toBe(block(1, '高新区一角。', '通讯员 罗胜').replace('TODO-image-1', 'media/a.jpg'))
    expect(notes).toEqual([
      'photo 1 (a.jpg): the file\'s caption is "綦城云海。"; the print caption was kept: make them agree',
      'photo 1 (a.jpg): credit "通讯员 罗胜" taken from the file; check it',
    ])
  })

  it('keeps the placeholder when the creator has no role, and reports files beyond the photos', () => {
    const { markdown, notes } = attachPhotoFiles(block(1, '说明。', 'TODO-ROLE-NAME'), [
      { name: 'a.jpg', embedded: { creator: 'Shi Liang' } },
      { name: 'b.jpg', embedded: {} },
    ])
    expect(markdown).toContain('credit: TODO-ROLE-NAME')
    expect(notes).toEqual([
      'photo 1 (a.jpg): the file names its creator "Shi Liang"; write credit: ROLE NAME',
      'photo file b.jpg: the text has only 1 photos; this file is not used',
    ])
  })
})

describe('npm run content:import -- --photos', { timeout: 60_000 }, () => {
  it('puts the camera file in the first photo block and agrees with its embedded caption and creator', () => {
    const run = spawnSync(tsx, ['editor/import.ts', SEED, '--photos', camera], {
      encoding: 'utf8',
      timeout: 60_000,
    })
    expect(run.status).toBe(0)
    // The seed's first photo is 綦江城区一景。 by 记者 石亮: exactly what the camera file says, so no note.
    expect(run.stdout).toContain(`::: photo media/DSC_0001.jpg\nalt: ${CAMERA_TAGS.caption}`)
    expect(run.stderr).not.toContain('DSC_0001.jpg')
  })
})
