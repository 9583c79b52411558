// `npm test`: install what the suite needs, then lint, typecheck, build the web
// app and run every test (unit, API, contract, CLI, browser) in one vitest run.
// Ends with one line: `N passed, N failed`.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ensureInstall, root, runBin } from './ensure-install.mjs'

function ensureChromium() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (existsSync(path)) return
  const isRoot = process.getuid?.() === 0
  if (isRoot && spawnSync('which', ['apt-get']).status === 0) {
    console.log('› Installing Chromium from Debian packages for the browser tests…')
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
    spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env })
  }
  if (!existsSync(path)) {
    console.error(`The browser tests need Chromium at ${path}: install Debian's chromium package or set CHROMIUM_PATH.`)
  }
}

ensureInstall()
ensureChromium()
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', CERDAS_LOG_LEVEL: 'silent' }
const steps = []
const step = (name, ok) => {
  steps.push({ name, ok })
  console.log(`${ok ? '✓' : '✗'} ${name}`)
}

console.log('› Lint and format check (biome)')
step('lint', runBin('biome', ['check', '.'], { env }) === 0)
// Three programs cover every package: the root one (packages, API, benchmarks), the CLI
// (kept apart because Remix's global types make NODE_ENV required) and the web app.
console.log('› Typecheck (tsc)')
const typecheck = ['.', 'apps/cli', 'apps/web'].map((project) => runBin('tsc', ['-p', project], { env }))
step(
  'typecheck',
  typecheck.every((status) => status === 0),
)
console.log('› Build the web app')
step('build', runBin('pnpm', ['--filter', '@cerdas/web', 'run', 'build'], { env }) === 0)

mkdirSync(join(root, 'test-results'), { recursive: true })
const report = join(root, 'test-results', 'vitest.json')
console.log('› Tests (vitest)')
const vitestStatus = runBin('vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
  env,
})
let passed = 0
let failed = 0
if (existsSync(report)) {
  const result = JSON.parse(readFileSync(report, 'utf8'))
  passed = result.numPassedTests
  failed = result.numFailedTests + (result.numPendingTests ?? 0) + (result.numTodoTests ?? 0)
  // A file that fails to load has no tests to count; count it as one failure.
  failed += result.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length
}
step('tests', vitestStatus === 0 && failed === 0 && passed > 0)

const failedSteps = steps.filter((s) => !s.ok).map((s) => s.name)
if (failedSteps.length > 0) console.log(`Failed: ${failedSteps.join(', ')}`)
console.log(`${passed} passed, ${failed + failedSteps.filter((s) => s !== 'tests').length} failed`)
process.exit(failedSteps.length > 0 ? 1 : 0)
