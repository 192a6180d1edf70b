import { describe, expect, it } from 'vitest'
import { FAVICON_ICO, RASTER_ICONS } from '../../worker/site-icon.ts'
import { request } from './seed.ts'

/** Width and height from a PNG's IHDR chunk (bytes 16-23). */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return { width: view.getUint32(16), height: view.getUint32(20) }
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

describe('raster icons', () => {
  it.each(Object.values(RASTER_ICONS))(
    'serves /$name as a $size px square PNG, cached a day',
    async (icon) => {
      const res = await request(`/${icon.name}`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('image/png')
      expect(res.headers.get('cache-control')).toBe('public, max-age=86400')
      const bytes = new Uint8Array(await res.arrayBuffer())
      expect([...bytes.slice(0, 8)]).toEqual(PNG_SIGNATURE)
      expect(pngSize(bytes)).toEqual({ width: icon.size, height: icon.size })
    },
  )

  it('serves /favicon.ico as an ICO holding one 32 px PNG', async () => {
    const res = await request(`/${FAVICON_ICO.name}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/x-icon')
    const bytes = new Uint8Array(await res.arrayBuffer())
    const view = new DataView(bytes.buffer)
    expect([view.getUint16(0, true), view.getUint16(2, true), view.getUint16(4, true)]).toEqual([0, 1, 1])
    expect([bytes[6], bytes[7]]).toEqual([32, 32])
    const offset = view.getUint32(18, true)
    expect(view.getUint32(14, true)).toBe(bytes.length - offset)
    const png = bytes.slice(offset)
    expect([...png.slice(0, 8)]).toEqual(PNG_SIGNATURE)
    expect(pngSize(png)).toEqual({ width: 32, height: 32 })
  })

  it('links the icons from every page', async () => {
    const html = await (await request('/')).text()
    expect(html).toContain('<link rel="icon" href="/favicon.ico" sizes="32x32">')
    expect(html).toContain('<link rel="apple-touch-icon" href="/apple-touch-icon.png">')
  })
})
