import { Transform } from 'node:stream'
import { createReadableStreamFromReadable, type EntryContext } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { renderToPipeableStream } from 'react-dom/server'

const ABORT_DELAY_MS = 5_000

/**
 * React 18.3's stream writer can flush a chunk with unwritten (zero) bytes when a multi-byte
 * character such as "–" falls on its 2 KiB buffer's edge (facebook/react#31134), putting NUL
 * characters into the page. HTML never carries NUL, so they are dropped on the way out.
 */
function withoutNulBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, chunk.includes(0) ? chunk.filter((byte) => byte !== 0) : chunk)
    },
  })
}

/**
 * Renders every page completely before sending it: public pages ship no JavaScript, so a
 * streamed shell would gain nothing, and a whole document compresses and caches (ETag) better.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  return new Promise<Response>((resolve, reject) => {
    let status = responseStatusCode
    let ready = false
    const { pipe, abort } = renderToPipeableStream(
      <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY_MS} />,
      {
        onAllReady() {
          ready = true
          const body = withoutNulBytes()
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status }))
          pipe(body)
        },
        onShellError: reject,
        onError(error) {
          status = 500
          // Errors before the document is ready reject and are logged by Remix; later ones only here.
          if (ready) console.error(error)
        },
      },
    )
    setTimeout(abort, ABORT_DELAY_MS)
  })
}
