/**
 * The report form's offline queue, as plain browser JavaScript (the public pages ship no bundle).
 * Drafts (fields, photo Blobs, clientKey) wait in IndexedDB `cerdas-outbox` and are sent as the
 * same multipart form to `/lapor/kirim` with `Accept: application/json`; the clientKey makes a
 * draft sent twice (page and service worker at once, a lost answer) one report. The page and
 * the service worker share OUTBOX_CORE.
 */
export const OUTBOX_CORE = `
var OUTBOX_DB='cerdas-outbox',OUTBOX_STORE='drafts',outboxBusy=false;
function outboxTx(mode,fn){return new Promise(function(ok,fail){var o=indexedDB.open(OUTBOX_DB,1);
o.onupgradeneeded=function(){o.result.createObjectStore(OUTBOX_STORE,{keyPath:'clientKey'})};
o.onerror=function(){fail(o.error)};o.onsuccess=function(){var t=o.result.transaction(OUTBOX_STORE,mode),r=fn(t.objectStore(OUTBOX_STORE));
t.oncomplete=function(){o.result.close();ok(r&&'result' in r?r.result:undefined)};t.onerror=function(){fail(t.error)}}})}
function outboxAll(){return outboxTx('readonly',function(s){return s.getAll()})}
function outboxPut(d){return outboxTx('readwrite',function(s){s.put(d)})}
function outboxDelete(k){return outboxTx('readwrite',function(s){s.delete(k)})}
function outboxSendOne(d,token){var f=new FormData();d.fields.forEach(function(p){f.append(p[0],p[0]==='delayToken'&&token?token:p[1])});
d.files.forEach(function(p){f.append('photos',p.blob,p.name)});
return fetch(d.url,{method:'POST',body:f,credentials:'same-origin',headers:{Accept:'application/json'}}).then(function(r){
return r.json().catch(function(){return {}}).then(function(j){return outboxTx('readonly',function(s){return s.get(d.clientKey)}).then(function(now){
if(!now||now.state==='sent')return;
if(r.ok){now.state='sent';now.number=j.number;now.code=now.code||j.trackingCode||null;now.files=[]}
else if(r.status===422&&!(j.errors||[]).some(function(e){return e.pointer!=='/form'})){now.tries=(now.tries||0)+1}
else if(r.status===422){now.state='failed';now.error=(j.errors||[]).map(function(e){return e.message}).join(' ')}
else{now.tries=(now.tries||0)+1}
return outboxPut(now)})})},function(){})}
function outboxSend(token){if(outboxBusy)return Promise.resolve();outboxBusy=true;
return outboxAll().then(function(all){return all.filter(function(d){return d.state==='waiting'}).reduce(function(p,d){return p.then(function(){return outboxSendOne(d,token)})},Promise.resolve())})
.then(function(){outboxBusy=false},function(){outboxBusy=false})}
`

/** The service worker's part: drafts from a form post that failed on the network, and Background Sync. */
export const OUTBOX_WORKER = `${OUTBOX_CORE}
function outboxFromForm(form,url){var fields=[],files=[];form.forEach(function(v,k){if(typeof v==='string')fields.push([k,v]);else if(v.size)files.push({name:v.name,blob:v.slice(0,v.size,v.type)})});
var key=(fields.filter(function(p){return p[0]==='clientKey'})[0]||[])[1]||String(Date.now());
return outboxPut({clientKey:key,url:url,fields:fields,files:files,state:'waiting',at:Date.now()})}
self.addEventListener('fetch',function(e){var r=e.request,u=new URL(r.url);
if(r.method!=='POST'||u.origin!==location.origin||u.pathname!=='/lapor'||r.mode!=='navigate')return;
var copy=r.clone();e.respondWith(fetch(r).catch(function(){return copy.formData().then(function(f){return outboxFromForm(f,'/lapor/kirim')}).then(function(){
if(self.registration.sync)self.registration.sync.register('cerdas-outbox').catch(function(){});return Response.redirect('/lapor',303)})}))});
self.addEventListener('sync',function(e){if(e.tag==='cerdas-outbox')e.waitUntil(outboxSend())});
`

/** The form page's part: keep a draft when offline, show what waits and what was sent, send when back online. */
export const OFFLINE_FORM_SCRIPT = `(function(){var form=document.getElementById('report-form');if(!form||!window.indexedDB||!window.fetch)return;
${OUTBOX_CORE}
var T=JSON.parse(document.getElementById('report-offline-text').textContent),box=document.getElementById('report-drafts'),since=Date.now(),tries=0;
function key(){return crypto.randomUUID?crypto.randomUUID():'10000000-1000-4000-8000-100000000000'.replace(/[018]/g,function(c){return(c^crypto.getRandomValues(new Uint8Array(1))[0]&15>>c/4).toString(16)})}
form.clientKey.value=key();
if('serviceWorker' in navigator)navigator.serviceWorker.register('/sw.js').then(function(){return navigator.serviceWorker.ready}).then(function(reg){
var urls=[location.pathname].concat([].slice.call(document.querySelectorAll('link[rel=stylesheet]')).map(function(l){return l.href}));
reg.active&&reg.active.postMessage({cache:urls})}).catch(function(){});
function el(tag,text,cls){var n=document.createElement(tag);if(text)n.textContent=text;if(cls)n.className=cls;return n}
function render(){return outboxAll().then(function(all){box.textContent='';box.hidden=!all.length;
var wait=all.filter(function(d){return d.state!=='sent'}),sent=all.filter(function(d){return d.state==='sent'});
function list(items,title,hint,line){if(!items.length)return;var h=el('h2',title);box.appendChild(h);if(hint)box.appendChild(el('p',hint));var ul=el('ul');
items.forEach(function(d){var li=el('li',line(d),'report-draft report-draft-'+d.state);var b=el('button',T.remove);b.type='button';
b.onclick=function(){outboxDelete(d.clientKey).then(render)};li.appendChild(document.createTextNode(' '));li.appendChild(b);ul.appendChild(li)});box.appendChild(ul)}
function text(d){var p=d.fields.filter(function(f){return f[0]==='description'})[0];return p?p[1].slice(0,80):''}
list(wait,T.waiting,T.waitingHint,function(d){return text(d)+(d.state==='failed'?' — '+T.failed+': '+(d.error||''):'')});
list(sent,T.sent,'',function(d){return d.number+(d.code?' — '+T.code+': '+d.code:'')+' — '+text(d)});
return wait.some(function(d){return d.state==='waiting'})})}
function send(){var wait=Math.max(0,since+4000-Date.now());
return new Promise(function(ok){setTimeout(ok,wait)}).then(function(){return navigator.onLine?outboxSend(form.delayToken.value):null}).then(render)}
function retry(){render().then(function(waiting){if(!waiting)return;setTimeout(function(){send().then(function(w){tries++;if(w)retry()})},Math.min(5000*Math.pow(2,tries),300000))})}
form.addEventListener('submit',function(e){if(navigator.onLine)return;e.preventDefault();var f=new FormData(form),fields=[],files=[];
f.forEach(function(v,k){if(typeof v==='string')fields.push([k,v]);else if(v.size)files.push({name:v.name,blob:v.slice(0,v.size,v.type)})});
outboxPut({clientKey:form.clientKey.value,url:'/lapor/kirim',fields:fields,files:files,state:'waiting',at:Date.now()}).then(function(){
form.reset();form.clientKey.value=key();navigator.serviceWorker&&navigator.serviceWorker.ready.then(function(r){r.sync&&r.sync.register('cerdas-outbox')}).catch(function(){});
render();box.scrollIntoView()})});
window.addEventListener('online',function(){send()});retry();
var locate=document.getElementById('report-locate'),status=document.getElementById('report-locate-status');
if(navigator.geolocation&&locate){locate.hidden=false;locate.onclick=function(){navigator.geolocation.getCurrentPosition(function(p){
form.lat.value=p.coords.latitude.toFixed(6);form.lon.value=p.coords.longitude.toFixed(6);status.textContent=T.found.replace('{lat}',form.lat.value).replace('{lon}',form.lon.value)},
function(){status.textContent=T.locateFailed},{enableHighAccuracy:true,timeout:20000})}}
var dup=document.getElementById('report-duplicate-hints');
function hints(){var c=form.category.value,d=form.desa.value;if(!dup||!c||!(d||form.lat.value)||!navigator.onLine)return;
var q=new URLSearchParams({category:c,desa:d,kecamatan:form.kecamatan.value});if(form.lat.value){q.set('lat',form.lat.value);q.set('lon',form.lon.value)}
fetch('/api/v1/reports/duplicates?'+q,{headers:{Accept:'application/json'}}).then(function(r){return r.ok?r.json():[]}).then(function(j){var items=Array.isArray(j)?j:(j.items||[]);
dup.textContent='';items.slice(0,5).forEach(function(r){var a=el('a',T.follow+' ('+r.number+')');a.href='/laporan/'+r.number;var li=el('li');li.appendChild(a);dup.appendChild(li)})}).catch(function(){})}
form.category.addEventListener('change',hints);form.desa.addEventListener('change',hints)})()`
