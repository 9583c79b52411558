import { describe, expect, it } from 'vitest'
import { decodeCursor, encodeCursor } from '../src/api-kit'

describe('cursor', () => {
  it('round-trips strings and numbers', () => {
    const values = ['2026-11-28T10:00:00.000Z', 'ann_01JD2X5Q9V3R8K7M6N5P4Q3R2S', 42, -1.5]
    expect(decodeCursor(encodeCursor(values))).toEqual(values)
  })

  it('is URL-safe', () => {
    const cursor = encodeCursor(['ä?&/+=', '~~~~~~', 'ÿÿÿ'])
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(encodeURIComponent(cursor)).toBe(cursor)
  })

  it.each([
    ['not base64', '!!!###'],
    ['base64 of non-JSON', Buffer.from('hello').toString('base64url')],
    ['a JSON object', Buffer.from('{"publishAt":"x"}').toString('base64url')],
    ['a JSON string', Buffer.from('"x"').toString('base64url')],
    ['null', Buffer.from('null').toString('base64url')],
    ['an array holding an object', Buffer.from('["x",{"y":1}]').toString('base64url')],
    ['an array holding null', Buffer.from('["x",null]').toString('base64url')],
    ['an array holding a nested array', Buffer.from('[["x"]]').toString('base64url')],
    ['empty', ''],
  ])('yields undefined for a tampered cursor: %s', (_name, cursor) => {
    expect(decodeCursor(cursor)).toBeUndefined()
  })

  it('notices a tampered character', () => {
    const cursor = encodeCursor(['2026-11-28T10:00:00.000Z', 'ann_1'])
    const tampered = `${cursor.slice(0, 3)}${cursor[3] === 'A' ? 'B' : 'A'}${cursor.slice(4)}`
    expect(decodeCursor(tampered)).not.toEqual(decodeCursor(cursor))
  })
})
