/** Worker entry: wiring only. */
import { readIndex } from './store.ts'

export default {
  async fetch(_request, env) {
    const index = await readIndex(env.CONTENT)
    const list = (index?.articles ?? []).map((a) => `${a.slug}\t${a.title}`).join('\n')
    return new Response(`Broadsheet\n\n${list}\n`, {
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    })
  },
} satisfies ExportedHandler<Env>
