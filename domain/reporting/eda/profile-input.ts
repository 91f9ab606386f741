import type { StepContext } from '#domain/journeys/step-definition.js';
import { profileStream } from '#domain/profiling/index.js';
import type { DatasetProfile } from '#domain/profiling/profile-types.js';
import { rejectingUnreadable } from './as-step-rejection.js';

/**
 * Profiles the upload as it streams from the store, so memory stays bounded whatever its size.
 * `transform` lets a use case reshape the bytes on the way (e.g. fixed-width to CSV).
 */
export async function profileInput(
  context: StepContext,
  transform: (chunks: AsyncIterable<Uint8Array>) => AsyncIterable<Uint8Array> = (chunks) => chunks,
): Promise<DatasetProfile> {
  const { size, container, chunks } = await context.streamInput();
  // The step context has already gunzipped the content under the upload limits; the profile still says what was stored.
  const decompressedFrom = { compression: container === 'gzip' ? ('gzip' as const) : ('none' as const), storedBytes: size };
  return rejectingUnreadable(() => profileStream(transform(chunks), { decompressedFrom }));
}
