// Behind a proxy only (see apiFetch in client.ts), loaded on the first request: undici's fetch through the proxy
// agent @actions/http-client picks for the API host, as @actions/github's client does. A module of its own so that the
// bundle keeps undici in a chunk that a run without a proxy never reads.
import { HttpClient } from '@actions/http-client'
import { fetch as undiciFetch } from 'undici'

export function proxyFetch(baseUrl: string): typeof fetch {
  const dispatcher = new HttpClient().getAgentDispatcher(baseUrl)
  return ((input: Parameters<typeof fetch>[0], init?: RequestInit) => undiciFetch(input as never, { ...(init as object), dispatcher } as never)) as unknown as typeof fetch
}
