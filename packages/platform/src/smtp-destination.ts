import { lookup } from 'node:dns/promises'
import { BlockList, isIP, isIPv6 } from 'node:net'

/**
 * Where a tenant's SMTP settings may connect. A tenant admin chooses the host
 * and port, so without a check they could reach the operator's internal
 * services (metadata endpoints, databases, admin ports) from the server.
 * Only public addresses on the usual SMTP ports are reachable, unless the
 * operator names an internal relay in `CERDAS_SMTP_ALLOW_HOSTS`.
 */

/** The ports SMTP submission and relay use; others are refused unless the operator allows them. */
export const SMTP_PORTS: readonly number[] = [25, 465, 587, 2525]

/** Operator setting: comma-separated `host[:port]`, `ip[:port]`, `[ipv6]:port` or `cidr` allowed despite the rules. */
export const SMTP_ALLOW_HOSTS_ENV = 'CERDAS_SMTP_ALLOW_HOSTS'

/** Why a destination is refused: the host (or what it resolves to) is internal, the port is unusual, or no address. */
export type DestinationRefusal = 'host' | 'port' | 'unresolved'

export type DestinationCheck = { ok: true; address: string } | { ok: false; refusal: DestinationRefusal }

/**
 * Loopback, private, shared, link-local, multicast, reserved and documentation
 * ranges: never a public mail server. One list per family: a BlockList also
 * matches IPv4 addresses against IPv6 rules such as `::ffff:0:0/96`.
 */
const INTERNAL_V4 = new BlockList()
const INTERNAL_V6 = new BlockList()
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  INTERNAL_V4.addSubnet(network, prefix, 'ipv4')
}
for (const [network, prefix] of [
  ['::', 96], // unspecified, loopback and IPv4-compatible
  ['::ffff:0:0', 96], // IPv4-mapped: would reach any IPv4 address, internal ones included
  ['64:ff9b::', 96], // NAT64
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 23],
  ['2001:db8::', 32],
  ['2002::', 16], // 6to4 embeds an IPv4 address
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  INTERNAL_V6.addSubnet(network, prefix, 'ipv6')
}

/** Whether an IP address may be a public mail server. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address)
  if (family === 0) return false
  return family === 6 ? !INTERNAL_V6.check(address, 'ipv6') : !INTERNAL_V4.check(address, 'ipv4')
}

/**
 * A host name as the resolver would read it: lower case, and IPv4 in any
 * spelling (`2130706433`, `0x7f.1`, `0177.0.0.1`) written the usual way, so
 * such spellings are checked as the addresses they are.
 */
export function canonicalHost(host: string): string | undefined {
  const trimmed = host.trim()
  if (trimmed === '') return undefined
  if (isIPv6(trimmed.replace(/^\[|\]$/g, ''))) return trimmed.replace(/^\[|\]$/g, '').toLowerCase()
  try {
    const name = new URL(`http://${trimmed}`).hostname
    return name === '' || name.includes('@') ? undefined : name
  } catch {
    return undefined
  }
}

interface AllowedEntry {
  /** A host name, matched against the configured host. */
  name?: string
  /** An address range, matched against every resolved address. */
  range?: BlockList
  /** Without a port the entry allows the usual SMTP ports only. */
  port?: number
}

/** The operator's allow list; entries that cannot be read are ignored. */
export function parseAllowedHosts(value: string | undefined): AllowedEntry[] {
  const entries: AllowedEntry[] = []
  for (const raw of (value ?? '').split(/[\s,]+/)) {
    const entry = readEntry(raw.trim())
    if (entry) entries.push(entry)
  }
  return entries
}

function readEntry(raw: string): AllowedEntry | undefined {
  if (raw === '') return undefined
  const cidr = /^([0-9a-fA-F.:]+)\/(\d{1,3})$/.exec(raw)
  if (cidr) {
    const [, network = '', prefix = ''] = cidr
    const family = isIP(network)
    if (family === 0) return undefined
    const range = new BlockList()
    try {
      range.addSubnet(network, Number(prefix), family === 6 ? 'ipv6' : 'ipv4')
    } catch {
      return undefined
    }
    return { range }
  }
  let host = raw
  let port: number | undefined
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(raw)
  if (bracketed) {
    host = bracketed[1] ?? ''
    port = bracketed[2] ? Number(bracketed[2]) : undefined
  } else if (!isIPv6(raw)) {
    const withPort = /^(.+):(\d{1,5})$/.exec(raw)
    if (withPort) {
      host = withPort[1] ?? ''
      port = Number(withPort[2])
    }
  }
  if (port !== undefined && (port < 1 || port > 65535)) return undefined
  const name = canonicalHost(host)
  if (!name) return undefined
  const family = isIP(name)
  if (family === 0) return { name, ...(port ? { port } : {}) }
  const range = new BlockList()
  range.addAddress(name, family === 6 ? 'ipv6' : 'ipv4')
  return { range, ...(port ? { port } : {}) }
}

const portFits = (entry: AllowedEntry, port: number) =>
  entry.port === undefined ? SMTP_PORTS.includes(port) : entry.port === port

const inRange = (range: BlockList, address: string) => range.check(address, isIPv6(address) ? 'ipv6' : 'ipv4')

/**
 * Checks a destination whose addresses are known: allowed when an operator
 * entry names the host, or when every address is public (or in an operator
 * range) on an allowed port.
 */
export function checkAddresses(
  host: string,
  port: number,
  addresses: readonly string[],
  allowed: readonly AllowedEntry[],
): DestinationCheck {
  const first = addresses[0]
  if (first === undefined) return { ok: false, refusal: 'unresolved' }
  if (allowed.some((e) => e.name === host && portFits(e, port))) return { ok: true, address: first }
  const fits = (address: string) =>
    (isPublicAddress(address) && SMTP_PORTS.includes(port)) ||
    allowed.some((e) => e.range && inRange(e.range, address) && portFits(e, port))
  if (addresses.every(fits)) return { ok: true, address: first }
  const portNamed = allowed.some((e) => e.port === port)
  return { ok: false, refusal: SMTP_PORTS.includes(port) || portNamed ? 'host' : 'port' }
}

/**
 * What a configured host may be, judged without the network: an address
 * literal (in any spelling) or a refused port is known already. A name is
 * left to {@link resolveDestination}.
 */
export function checkLiteralDestination(
  host: string,
  port: number,
  env: Record<string, string | undefined>,
): { ok: true } | { ok: false; refusal: DestinationRefusal } {
  const name = canonicalHost(host)
  if (!name) return { ok: false, refusal: 'host' }
  const allowed = parseAllowedHosts(env[SMTP_ALLOW_HOSTS_ENV])
  if (isIP(name) !== 0) {
    const checked = checkAddresses(name, port, [name], allowed)
    return checked.ok ? { ok: true } : checked
  }
  if (name === 'localhost' || name.endsWith('.localhost') || name === 'localhost.') {
    const checked = checkAddresses(name, port, ['127.0.0.1'], allowed)
    return checked.ok ? { ok: true } : checked
  }
  if (!SMTP_PORTS.includes(port) && !allowed.some((e) => e.port === port)) return { ok: false, refusal: 'port' }
  return { ok: true }
}

export type Resolver = (host: string) => Promise<string[]>

const systemResolver: Resolver = async (host) => (await lookup(host, { all: true })).map((a) => a.address)

/**
 * Resolves the host (every A/AAAA record) and checks each address. The
 * caller connects to the returned address, never to the name again, so a
 * second DNS answer cannot swap in an internal address after the check.
 */
export async function resolveDestination(
  host: string,
  port: number,
  env: Record<string, string | undefined>,
  resolve: Resolver = systemResolver,
): Promise<DestinationCheck> {
  const name = canonicalHost(host)
  if (!name) return { ok: false, refusal: 'host' }
  const allowed = parseAllowedHosts(env[SMTP_ALLOW_HOSTS_ENV])
  let addresses: string[]
  if (isIP(name) !== 0) addresses = [name]
  else {
    try {
      addresses = await resolve(name)
    } catch {
      return { ok: false, refusal: 'unresolved' }
    }
  }
  return checkAddresses(name, port, addresses, allowed)
}
