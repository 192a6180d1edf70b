/**
 * A Worker that gives Node bulk access to a KV binding inside workerd, one request per batch: the local store
 * (local-kv-store.ts) and the preview run it in Miniflare beside the KV namespace `wrangler dev` keeps on disk.
 * Through Miniflare's binding proxy every key would cost a round trip from Node; here a batch costs one.
 *
 * POST /list?prefix=P → `[{name, metadata}]`, every page followed (the listing is complete or the request fails).
 * POST /get ["k", …] → `{k: text | null}`. POST /absent ["k", …] → the keys not stored (no value is read).
 * POST /put: a 4-byte big-endian length, that many bytes of JSON `[{key, metadata, bytes, text}]`, then the values'
 * bytes one after another (`text`: store as a string, else as bytes). POST /delete ["k", …].
 */
export const KV_BRIDGE_SCRIPT = `
const json = (v) => new Response(JSON.stringify(v), { headers: { 'content-type': 'application/json' } })
const text = new TextDecoder()
export default {
  async fetch(request, env) {
    const kv = env.KV
    const url = new URL(request.url)
    switch (url.pathname) {
      case '/list': {
        const prefix = url.searchParams.get('prefix') ?? ''
        const found = []
        let cursor
        for (;;) {
          const page = await kv.list({ prefix, cursor })
          for (const k of page.keys) found.push({ name: k.name, metadata: k.metadata ?? {} })
          if (page.list_complete) return json(found)
          if (!page.cursor) return new Response('incomplete listing without a cursor', { status: 500 })
          cursor = page.cursor
        }
      }
      case '/get': {
        const keys = await request.json()
        const out = {}
        await Promise.all(keys.map(async (k) => { out[k] = await kv.get(k, 'text') }))
        return json(out)
      }
      case '/absent': {
        const keys = await request.json()
        const missing = []
        await Promise.all(keys.map(async (k) => {
          // A stream left unread: the value's bytes (media can be megabytes) are never read.
          const found = await kv.get(k, 'stream')
          if (found === null) missing.push(k)
          else await found.cancel()
        }))
        return json(missing)
      }
      case '/put': {
        const body = new Uint8Array(await request.arrayBuffer())
        const head = new DataView(body.buffer).getUint32(0)
        const entries = JSON.parse(text.decode(body.subarray(4, 4 + head)))
        let at = 4 + head
        const puts = []
        for (const e of entries) {
          const bytes = body.slice(at, at + e.bytes)
          at += e.bytes
          puts.push(kv.put(e.key, e.text ? text.decode(bytes) : bytes.buffer, { metadata: e.metadata }))
        }
        await Promise.all(puts)
        return json(entries.length)
      }
      case '/delete': {
        const keys = await request.json()
        await Promise.all(keys.map((k) => kv.delete(k)))
        return json(keys.length)
      }
    }
    return new Response('not found', { status: 404 })
  },
}
`
