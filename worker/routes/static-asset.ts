/** Files built into dist/assets (Workers Static Assets), read through the ASSETS binding so http/ sets headers. */

/** One built file, or null when the build has no such file; the origin is a placeholder (ASSETS reads the path). */
export async function readAsset(env: Env, name: string): Promise<Response | null> {
  const response = await env.ASSETS.fetch(`https://assets.invalid/${name}`)
  return response.ok ? response : null
}
