import { describe, expect, it } from 'vitest'
import { EMPTY_HASH, sha256Hex, signRequest } from '../src/sigv4'

// AWS's published examples: the S3 "GET Object" and "PUT Object" examples of "Signature
// Calculations for the Authorization Header", and the generic SigV4 test suite's `get-vanilla`
// and `get-vanilla-query-order-key-case`.
const S3_EXAMPLE = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  region: 'us-east-1',
  service: 's3',
}
const SUITE = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  region: 'us-east-1',
  service: 'service',
}

describe('SigV4 signing against AWS test vectors', () => {
  it('signs the S3 GET Object example', () => {
    const signed = signRequest(
      {
        method: 'GET',
        url: 'https://examplebucket.s3.amazonaws.com/test.txt',
        headers: { range: 'bytes=0-9', 'x-amz-content-sha256': EMPTY_HASH },
        payloadHash: EMPTY_HASH,
      },
      S3_EXAMPLE,
      new Date('2013-05-24T00:00:00Z'),
    )
    expect(sha256Hex(signed.canonicalRequest)).toBe('7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972')
    expect(signed.signature).toBe('f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41')
    expect(signed.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    )
  })

  it('signs the S3 PUT Object example (a key with $, a body, a date header)', () => {
    const body = 'Welcome to Amazon S3.'
    const payloadHash = sha256Hex(body)
    expect(payloadHash).toBe('44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072')
    const signed = signRequest(
      {
        method: 'PUT',
        url: 'https://examplebucket.s3.amazonaws.com/test$file.text',
        headers: {
          date: 'Fri, 24 May 2013 00:00:00 GMT',
          'x-amz-storage-class': 'REDUCED_REDUNDANCY',
          'x-amz-content-sha256': payloadHash,
        },
        payloadHash,
      },
      S3_EXAMPLE,
      new Date('2013-05-24T00:00:00Z'),
    )
    expect(signed.signature).toBe('98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd')
  })

  it('signs the test suite’s get-vanilla request', () => {
    const signed = signRequest(
      { method: 'GET', url: 'https://example.amazonaws.com/', payloadHash: EMPTY_HASH },
      SUITE,
      new Date('2015-08-30T12:36:00Z'),
    )
    expect(signed.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, ' +
        'SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    )
  })

  it('sorts query parameters by name (get-vanilla-query-order-key-case)', () => {
    const signed = signRequest(
      { method: 'GET', url: 'https://example.amazonaws.com/?Param2=value2&Param1=value1', payloadHash: EMPTY_HASH },
      SUITE,
      new Date('2015-08-30T12:36:00Z'),
    )
    expect(signed.signature).toBe('b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500')
  })
})
