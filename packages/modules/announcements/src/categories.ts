/** Kinds of announcement; dependency-free so pages can import it. */
export const CATEGORIES = ['general', 'service', 'emergency', 'event'] as const
export type Category = (typeof CATEGORIES)[number]
