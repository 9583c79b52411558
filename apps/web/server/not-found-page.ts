const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string)

/** The page for a host no tenant owns: says so in both languages, reveals nothing else. */
export function notFoundPage(host: string): string {
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Tidak ditemukan · Not found</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem">
<h1>Daerah tidak ditemukan</h1><p>Tidak ada daerah yang dilayani di <strong>${escapeHtml(host)}</strong>.</p>
<h2 lang="en">Region not found</h2><p lang="en">No region is served at <strong>${escapeHtml(host)}</strong>.</p>
</body></html>`
}
