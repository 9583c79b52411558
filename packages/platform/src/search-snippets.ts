import type { QueryUnit } from './search-query'
import { LANGUAGE_SEPARATOR, wordSpans } from './search-text'

export interface SnippetPart {
  text: string
  /** A word the query matched (render it marked, e.g. `<mark>`). */
  match?: true
}

const SNIPPET_WORDS = 24

/**
 * The snippet in the reader's language: the indexed body holds the Indonesian and English texts
 * together; the passage comes from the one in the page's language, or from the other when only it
 * has the words asked for (an English query on an Indonesian page).
 */
export function localSnippet(body: string, locale: string, units: QueryUnit[]): SnippetPart[] {
  const versions = body.split(LANGUAGE_SEPARATOR)
  if (versions.length !== 2) return snippetParts(body, units)
  const [id, en] = versions as [string, string]
  const [first, second] = locale === 'en' ? [en, id] : [id, en]
  const preferred = snippetParts(first, units)
  if (preferred.some((p) => p.match)) return preferred
  const other = snippetParts(second, units)
  return other.some((p) => p.match) ? other : preferred
}

/** The passage of `source` with the most matched words, split into plain and matched parts. */
function snippetParts(source: string, units: QueryUnit[]): SnippetPart[] {
  const spans = wordSpans(source)
  if (spans.length === 0) return source ? [{ text: source.slice(0, 200) }] : []
  const tokens = spans.map((s) => s.token)
  const marked = new Array<boolean>(spans.length).fill(false)
  for (const unit of units) {
    for (const phrase of unit.phrases) {
      for (let i = 0; i + phrase.length <= tokens.length; i++) {
        if (phrase.every((t, j) => tokens[i + j] === t)) for (let j = 0; j < phrase.length; j++) marked[i + j] = true
      }
    }
    const prefix = unit.prefix
    if (prefix) for (let i = 0; i < tokens.length; i++) if ((tokens[i] as string).startsWith(prefix)) marked[i] = true
  }
  // The window of SNIPPET_WORDS words with the most marks (the earliest of equals),
  // starting a few words before its first mark so the passage reads in context.
  let from = 0
  let best = -1
  let inWindow = 0
  for (let i = 0; i < spans.length; i++) {
    if (marked[i]) inWindow++
    if (i >= SNIPPET_WORDS && marked[i - SNIPPET_WORDS]) inWindow--
    if (inWindow > best) {
      best = inWindow
      from = Math.max(0, i - SNIPPET_WORDS + 1)
    }
  }
  const firstMark = marked.indexOf(true, from)
  if (firstMark > from + 3) from = Math.min(firstMark - 3, Math.max(0, spans.length - SNIPPET_WORDS))
  const to = Math.min(spans.length, from + SNIPPET_WORDS) - 1
  const parts: SnippetPart[] = []
  const push = (part: SnippetPart) => {
    if (!part.text) return
    const last = parts[parts.length - 1]
    if (last && !last.match && !part.match) last.text += part.text
    else parts.push(part)
  }
  let cursor = (spans[from] as { start: number }).start
  if (from > 0) push({ text: '…' })
  for (let i = from; i <= to; i++) {
    const span = spans[i] as { start: number; end: number }
    if (span.start < cursor) continue
    push({ text: source.slice(cursor, span.start) })
    push(
      marked[i]
        ? { text: source.slice(span.start, span.end), match: true }
        : { text: source.slice(span.start, span.end) },
    )
    cursor = span.end
  }
  if (to < spans.length - 1) push({ text: '…' })
  else push({ text: source.slice(cursor).trimEnd() })
  return parts
}
