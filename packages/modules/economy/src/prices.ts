/** Prices as pages write them; no imports, so pages can use them without server code. */

/** Rupiah as written in Indonesia: `Rp350.000`. */
export const rupiah = (amount: number) => `Rp${new Intl.NumberFormat('id-ID').format(amount)}`

/** A room price range per night as text (`Rp350.000–Rp800.000`), or null when neither end is known. */
export function nightlyRange(l: { priceMin: number | null; priceMax: number | null }): string | null {
  if (l.priceMin !== null && l.priceMax !== null && l.priceMax !== l.priceMin)
    return `${rupiah(l.priceMin)}–${rupiah(l.priceMax)}`
  const one = l.priceMin ?? l.priceMax
  return one === null ? null : rupiah(one)
}
