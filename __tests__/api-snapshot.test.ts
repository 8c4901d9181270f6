import { describe, expect, it } from '@jest/globals'
import { apiSnapshot, type RequestClient } from '../src/changes/api.js'

describe('apiSnapshot', () => {
  it('fetches each file once, however often detection, analysis and suggestions ask', async () => {
    const asked: string[] = []
    const client: RequestClient = {
      request: async (_route, params) => {
        const path = String(params?.path)
        asked.push(path)
        if (path === 'gone.yaml') throw Object.assign(new Error('Not Found'), { status: 404 })
        return { status: 200, data: { type: 'file', size: 5, content: Buffer.from('a: 1\n').toString('base64') } }
      }
    }
    const snapshot = apiSnapshot(client, 'octo', 'mesh', 'abc')
    const first = await snapshot.read(['a.yaml', 'gone.yaml'])
    const second = await snapshot.read(['a.yaml', 'gone.yaml', 'b.yaml'])
    expect(new TextDecoder().decode(first.get('a.yaml'))).toBe('a: 1\n')
    expect([...second.keys()]).toEqual(['a.yaml', 'b.yaml'])
    expect(asked).toEqual(['a.yaml', 'gone.yaml', 'b.yaml'])
  })
})
