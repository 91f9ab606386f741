import type { StepContext } from '#domain/journeys/step-definition.js';
import { profileStream, withholdPersonalData, type PersonalDataPolicy } from '#domain/profiling/index.js';
import type { DatasetProfile } from '#domain/profiling/profile-types.js';
import { rejectingUnreadable } from './as-step-rejection.js';

/** How the upload was read: in one pass, or in shards on worker threads. A step's summary says so. */
export interface InputReading {
  shards: number;
  workers: number;
}

const ONE_PASS: InputReading = { shards: 1, workers: 1 };

/**
 * Profiles the upload as it streams from the store, so memory stays bounded whatever its size;
 * a large upload of delimited text is profiled in shards side by side where the runtime can, to
 * the same profile. `transform` lets a use case reshape the bytes on the way (e.g. fixed-width to
 * CSV): reshaped bytes are read in one pass. The profile every EDA step and artifact works from
 * holds no raw personal data unless the use case's `personalData` policy allows it.
 */
export async function profileInput(
  context: StepContext,
  transform?: (chunks: AsyncIterable<Uint8Array>) => AsyncIterable<Uint8Array>,
  personalData: PersonalDataPolicy = 'withhold',
): Promise<{ profile: DatasetProfile; reading: InputReading }> {
  const sharded = transform ? undefined : await rejectingUnreadable(() => context.profileInShards());
  if (sharded) return { profile: withholdPersonalData(sharded.profile, personalData), reading: { shards: sharded.shards, workers: sharded.workers } };
  const { size, container, chunks } = await context.streamInput();
  // The step context has already gunzipped the content under the upload limits; the profile still says what was stored.
  const decompressedFrom = { compression: container === 'gzip' ? ('gzip' as const) : ('none' as const), storedBytes: size };
  const profile = await rejectingUnreadable(() => profileStream(transform ? transform(chunks) : chunks, { decompressedFrom }));
  return { profile: withholdPersonalData(profile, personalData), reading: ONE_PASS };
}
