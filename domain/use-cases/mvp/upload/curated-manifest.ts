import type { MvpColumnSchema } from '../shared/decimal-comma.js';

/**
 * `curated-manifest.json`: what the curated copy is and where it came from. Everything in it is
 * derived from the input and the journey's date, never from the time the step happened to run,
 * so a redelivered step writes identical bytes and the write-once store treats it as a no-op.
 */
export interface CuratedManifest {
  useCase: string;
  journeyId: string;
  /** The journey's UTC date, `yyyy-mm-dd`, as in the curated key. */
  curatedOn: string;
  source: { bucket: string; key: string; versionId: string | null; bytes: number; sha256: string };
  curated: { bucket: string; key: string; contentType: string; bytes: number; sha256: string };
  rows: number;
  schema: MvpColumnSchema[];
}
