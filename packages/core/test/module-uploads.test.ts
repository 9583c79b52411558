import { describe, expect, it } from 'vitest'
import { checkModule } from '../src/define-module'
import { sampleModule } from './fixtures'

/** A module's API routes that take a file as their body name a path and a size limit the API can trust. */
describe('module uploads in the definition', () => {
  it('accepts a route path with parameters and a limit', () => {
    const uploads = [{ method: 'put' as const, path: '/notes/{id}/document', maxBytes: 20 * 1024 * 1024 }]
    expect(checkModule(sampleModule({ uploads }))).toEqual([])
  })

  it.each([
    ['a path with a dot', { method: 'put', path: '/notes/{id}/../x', maxBytes: 1024 }, /^uploads\.0\.path: /],
    ['a path without a slash', { method: 'put', path: 'notes/{id}', maxBytes: 1024 }, /^uploads\.0\.path: /],
    ['a method that takes no body', { method: 'get', path: '/notes/{id}', maxBytes: 1024 }, /^uploads\.0\.method: /],
    ['no limit', { method: 'post', path: '/notes', maxBytes: 0 }, /^uploads\.0\.maxBytes: /],
    ['a limit over 100 MB', { method: 'post', path: '/notes', maxBytes: 101 * 1024 * 1024 }, /^uploads\.0\.maxBytes: /],
  ])('refuses %s', (_name, upload, message) => {
    expect(checkModule(sampleModule({ uploads: [upload as never] }))[0]).toMatch(message)
  })
})
