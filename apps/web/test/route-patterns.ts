/** Remix flat-route file name to URL pattern: dots are slashes, `$x` a parameter, `$` a splat, `_index` the index. */
export function patternOf(file: string): string {
  const segments = file
    .replace(/\.tsx$/, '')
    .split('.')
    .filter((s) => s !== '_index')
    .map((s) => s.replace(/_$/, ''))
    .map((s) => (s === '$' ? '*' : s.startsWith('$') ? `:${s.slice(1)}` : s))
  return `/${segments.join('/')}`
}
