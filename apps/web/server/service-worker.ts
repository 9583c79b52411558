import { createHash } from 'node:crypto'
import { OUTBOX_WORKER } from '@cerdas/module-reports'
import type { Context } from 'hono'

/**
 * Pages a visitor may open without signal once seen: network first, the last copy when the
 * network fails. Only the report form for now; later pages join this list.
 */
export const OFFLINE_PAGES: readonly string[] = ['/lapor']

const CACHE = 'cerdas-pages-v1'

/** Page caching, then the report form's outbox (drafts kept on the device until sent). */
const SOURCE = `var CACHE=${JSON.stringify(CACHE)},OFFLINE_PAGES=${JSON.stringify(OFFLINE_PAGES)};
self.addEventListener('install',function(e){self.skipWaiting();e.waitUntil(caches.open(CACHE).then(function(c){return c.addAll(OFFLINE_PAGES)}).catch(function(){}))});
self.addEventListener('activate',function(e){e.waitUntil(caches.keys().then(function(keys){return Promise.all(keys.filter(function(k){return k.indexOf('cerdas-pages-')===0&&k!==CACHE}).map(function(k){return caches.delete(k)}))}).then(function(){return self.clients.claim()}))});
self.addEventListener('message',function(e){var urls=(e.data&&e.data.cache)||[];urls=urls.filter(function(u){var p=new URL(u,location.href);return p.origin===location.origin});
if(urls.length)e.waitUntil(caches.open(CACHE).then(function(c){return c.addAll(urls)}).catch(function(){}))});
self.addEventListener('fetch',function(e){var r=e.request,u=new URL(r.url);if(r.method!=='GET'||u.origin!==location.origin)return;
var page=r.mode==='navigate'&&OFFLINE_PAGES.indexOf(u.pathname)>=0;var asset=!page&&r.destination==='style';if(!page&&!asset)return;
e.respondWith(fetch(r).then(function(res){if(res.ok){var copy=res.clone();caches.open(CACHE).then(function(c){return c.put(page?u.pathname:r,copy)})}return res},
function(){return caches.match(page?u.pathname:r).then(function(hit){return hit||Response.error()})}))});
${OUTBOX_WORKER}`

const ETAG = `"${createHash('sha1').update(SOURCE).digest('base64url')}"`

/** Serves `/sw.js` (scope `/`), revalidated on every registration check so an update reaches phones soon. */
export function serviceWorker(c: Context): Response {
  if (c.req.header('if-none-match') === ETAG) return c.body(null, 304, { ETag: ETAG })
  return c.body(SOURCE, 200, {
    'Content-Type': 'text/javascript; charset=utf-8',
    'Cache-Control': 'no-cache',
    ETag: ETAG,
    'X-Content-Type-Options': 'nosniff',
  })
}
