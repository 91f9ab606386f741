import type { StepContext } from '#domain/journeys/step-definition.js';
import { profileStream, withholdPersonalData, type PersonalDataPolicy } from '#domain/profiling/index.js';
import type { DatasetProfile } from '#domain/profiling/profile-types.js';
import { rejectingUnreadable } from './as-step-rejection.js';

/**
 * Profiles the upload as it streams from the store, so memory stays bounded whatever its size.
 * `transform` lets a use case reshape the bytes on the way (e.g. fixed-width to CSV). The profile
 * every EDA step and artifact works from holds no raw personal data unless the use case's
 * `personalData` policy allows it.
 */
export async function profileInput(
  context: StepContext,
  transform: (chunks: AsyncIterable<Uint8Array>) => AsyncIterable<Uint8Array> = (chunks) => chunks,
  personalData: PersonalDataPolicy = 'withhold',
): Promise<DatasetProfile> {
  const { size, container, chunks } = await context.streamInput();
  // The step context has already gunzipped the content under the upload limits; the profile still says what was stored.
  const decompressedFrom = { compression: container === 'gzip' ? ('gzip' as const) : ('none' as const), storedBytes: size };
  const profile = await rejectingUnreadable(() => profileStream(transform(chunks), { decompressedFrom }));
  return withholdPersonalData(profile, personalData);
}
