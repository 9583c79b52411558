// The production entry: the registry's modules, configuration from the environment.
// React picks its build from NODE_ENV when first loaded, and the server's own modules load it
// (through @remix-run/react), so NODE_ENV is set before anything else is imported. The
// development build renders pages several times slower, so only an explicit `development` keeps
// it (a test runner's `test` does not).
if (process.env.NODE_ENV !== 'development') process.env.NODE_ENV = 'production'
const { serveFromEnvironment } = await import('./serve-from-environment')
await serveFromEnvironment()
