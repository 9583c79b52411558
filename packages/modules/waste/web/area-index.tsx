import { redirect } from '@remix-run/node'

/** Areas are found by desa on /sampah; the bare list address leads there. */
export const loader = () => redirect('/sampah', 301)
