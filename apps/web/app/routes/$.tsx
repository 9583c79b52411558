/**
 * Any address no page answers. Throwing here, rather than leaving the path unmatched, runs the root
 * loader first, so the root error boundary shows the 404 inside the site layout (header,
 * navigation, language switch) with a search box.
 */
const notFound = () => {
  throw new Response('Not found', { status: 404 })
}

export const loader = notFound
export const action = notFound

export default function NotFound() {
  return null
}
