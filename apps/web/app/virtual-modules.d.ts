/** Built stylesheet URLs of the registered modules, by module id (see vite.config.ts). */
declare module 'virtual:cerdas/module-styles' {
  export const moduleStyles: Record<string, string>
}
