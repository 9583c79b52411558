// Types of source-stamp.mjs, for the TypeScript that imports it (the CLI's `serve`, tests).

/** Where the last build records the fingerprint of the sources it was made from. */
export declare const STAMP_FILE: string
/** The fingerprint of the build's sources under `root` (the repository). */
export declare function sourceStamp(root: string): string
/** Whether the build under `root` was made from the sources as they are now. */
export declare function buildIsCurrent(root: string): boolean
/** Records that the build under `root` was made from the sources fingerprinted as `stamp`. */
export declare function recordBuild(root: string, stamp: string): void
