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

/** A page a module ships: a public page (`web.routes`) or a console screen (`admin.routes`, under `/admin/`). */
export interface ModulePage {
  /** `schedules: admin/schedule-edit.tsx`, for messages. */
  source: string
  /** URL pattern, e.g. `/admin/jadwal/:id`. */
  pattern: string
  module: string
  /** Absolute path of the route file. */
  file: string
}

/** Every page and console screen of the given modules, with its URL pattern. */
export function modulePages(
  modules: readonly {
    id: string
    web?: { root: string; routes: { path: string; file: string }[] } | undefined
    admin?: { routes?: { path: string; file: string }[] | undefined } | undefined
  }[],
): ModulePage[] {
  return modules.flatMap((mod) => {
    const root = mod.web?.root ?? ''
    const page = (prefix: string) => (route: { path: string; file: string }) => ({
      source: `${mod.id}: ${route.file}`,
      pattern: `${prefix}/${route.path}`,
      module: mod.id,
      file: `${root}/${route.file}`,
    })
    return [...(mod.web?.routes ?? []).map(page('')), ...(mod.admin?.routes ?? []).map(page('/admin'))]
  })
}
