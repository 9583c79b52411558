import type { LinksFunction } from '@remix-run/node'
import consoleStyles from './console.css?url'

/** The console stylesheet, for the console layout and the sign-in pages outside it. */
export const consoleLinks: LinksFunction = () => [{ rel: 'stylesheet', href: consoleStyles }]
