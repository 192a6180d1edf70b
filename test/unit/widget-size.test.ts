import { readFile } from 'node:fs/promises'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { WIDGET_GZIP_BUDGET } from '../../widget/size-budget.ts'

describe('the widget build', () => {
  it('stays within its gzip budget (npm run build writes dist/assets/widget.js)', async () => {
    const script = await readFile('dist/assets/widget.js').catch(() => {
      throw new Error('dist/assets/widget.js is missing: run npm run build first')
    })
    expect(gzipSync(script, { level: 9 }).byteLength).toBeLessThanOrEqual(WIDGET_GZIP_BUDGET)
  })
})
