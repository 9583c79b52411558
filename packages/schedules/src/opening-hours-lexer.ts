/** Tokens of the OSM opening_hours subset; `pos` is the 0-based character offset in the input. */
export interface Token {
  type: 'time' | 'num' | 'word' | 'str' | 'punct'
  text: string
  pos: number
}

export interface LexError {
  position: number
  message: string
}

const PUNCT = new Set([';', ',', '-', ':', '/', '|', '[', ']', '+', '(', ')', '.', '?'])

/** Splits an opening_hours value into tokens, or reports the first character it cannot read. */
export function tokenize(value: string): Token[] | LexError {
  const tokens: Token[] = []
  let i = 0
  while (i < value.length) {
    const ch = value[i] as string
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      i++
      continue
    }
    const pos = i
    if (ch >= '0' && ch <= '9') {
      while (i < value.length && /[0-9]/.test(value[i] as string)) i++
      if (value[i] === ':' && /^[0-9]{2}/.test(value.slice(i + 1, i + 3))) {
        i += 3
        tokens.push({ type: 'time', text: value.slice(pos, i), pos })
      } else {
        tokens.push({ type: 'num', text: value.slice(pos, i), pos })
      }
      continue
    }
    if (/[A-Za-z]/.test(ch)) {
      while (i < value.length && /[A-Za-z_]/.test(value[i] as string)) i++
      tokens.push({ type: 'word', text: value.slice(pos, i), pos })
      continue
    }
    if (ch === '"') {
      const close = value.indexOf('"', i + 1)
      if (close < 0) return { position: pos, message: 'Unterminated comment: missing closing "' }
      tokens.push({ type: 'str', text: value.slice(i + 1, close), pos })
      i = close + 1
      continue
    }
    // En and em dashes are common in copied text; they mean a range like '-'.
    if (ch === '\u2013' || ch === '\u2014') {
      tokens.push({ type: 'punct', text: '-', pos })
      i++
      continue
    }
    if (PUNCT.has(ch)) {
      tokens.push({ type: 'punct', text: ch, pos })
      i++
      continue
    }
    return { position: pos, message: `Unexpected character ${JSON.stringify(ch)}` }
  }
  return tokens
}
