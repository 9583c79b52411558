/** A stylesheet imported for its URL (Vite gives the built file's address). */
declare module '*.css?url' {
  const href: string
  export default href
}
