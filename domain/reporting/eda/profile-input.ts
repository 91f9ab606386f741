import type { StepContext } from '#domain/journeys/step-definition.js';
import { firstBytes } from '#domain/inputs/first-bytes.js';
import { profileStream, withholdPersonalData, type PersonalDataPolicy } from '#domain/profiling/index.js';
import { ProfileError } from '#domain/profiling/profile-error.js';
import type { DatasetProfile } from '#domain/profiling/profile-types.js';
import { StepRejection } from '#domain/rejections/step-rejection.js';
import { leadingRows } from '#domain/sharding/leading-rows.js';
import { ShardProfileFailed, shardLabel } from '#domain/sharding/shard-profile-failed.js';
import type { ShardedRead } from '#domain/ports/sharded-profiler.js';
import { asStepRejection, rejectingUnreadable } from './as-step-rejection.js';

/** How the upload was read: in one pass, or in shards on worker threads. A step's summary says so. */
export interface InputReading {
  shards: number;
  workers: number;
  /** Read in shards: the bytes the step's admission rule still read in one pass (the leading rows', or all of them). */
  admittedFromBytes?: number;
}

const ONE_PASS: InputReading = { shards: 1, workers: 1 };

/**
 * How much of a clean sharded upload the admission rule reads: its leading rows up to about this
 * many bytes. Once the shards have proved every row clean, all it has left to judge is the header
 * and a data row; reading the whole first shard instead (64 MiB of a 1 GB upload) took about 5 s
 * in one pass and ~90 MiB of garbage per cycle on the main thread, the EDA journey's peak memory.
 */
const ADMITTED_PREFIX_BYTES = 1024 * 1024;

export interface ProfileInputOptions {
  /**
   * The step's admission rule, read over the content in one pass: it throws the refusal. Where
   * the upload is read in shards, it runs only on the leading rows (about a MiB, never past the
   * first shard) when the shards found every row clean (of the header's width, every byte
   * UTF-8), and over the whole upload when they did not, so a refused file is refused with the
   * words a one-pass read gives.
   */
  admit?: (chunks: AsyncIterable<Uint8Array>) => Promise<unknown>;
  /** Reshapes the bytes on the way (e.g. fixed-width to CSV); reshaped bytes are read in one pass. */
  transform?: (chunks: AsyncIterable<Uint8Array>) => AsyncIterable<Uint8Array>;
  personalData?: PersonalDataPolicy;
}

/**
 * Admits and profiles the upload as it streams from the store, so memory stays bounded whatever
 * its size; a large upload of delimited text is profiled in shards side by side where the
 * runtime can, to the same profile. The profile every EDA step and artifact works from holds no
 * raw personal data unless the use case's `personalData` policy allows it.
 */
export async function profileInput(context: StepContext, options: ProfileInputOptions = {}): Promise<{ profile: DatasetProfile; reading: InputReading }> {
  const { admit, transform, personalData = 'withhold' } = options;
  const sharded = transform ? undefined : await admittedInShards(context, admit);
  if (sharded) return { profile: withholdPersonalData(sharded.read.profile, personalData), reading: sharded.reading };
  const { size, container, chunks } = await context.streamInput();
  if (admit) await admit(chunks);
  // The step context has already gunzipped the content under the upload limits; the profile still says what was stored.
  const decompressedFrom = { compression: container === 'gzip' ? ('gzip' as const) : ('none' as const), storedBytes: size };
  const content = admit ? (await context.streamInput()).chunks : chunks;
  const profile = await rejectingUnreadable(() => profileStream(transform ? transform(content) : content, { decompressedFrom }));
  return { profile: withholdPersonalData(profile, personalData), reading: ONE_PASS };
}

/**
 * The sharded read, admitted; undefined when the runtime does not read this upload in shards.
 * The shards stand in for the admission rule's pass over the rows they proved clean: what is
 * left for it is the header, and the leading rows hold it.
 */
async function admittedInShards(context: StepContext, admit: ProfileInputOptions['admit']): Promise<{ read: ShardedRead; reading: InputReading } | undefined> {
  let read: ShardedRead | undefined;
  let failed: ProfileError | undefined;
  try {
    read = await context.profileInShards();
  } catch (error) {
    // The store failing is for the queue to retry; a file the shards refuse is for the admission rule to word first.
    if (!(error instanceof ProfileError)) throw error;
    failed = error;
  }
  if (!read && !failed) return undefined;
  if (!admit) {
    if (failed) throw asStepRejection(failed);
    return { read: read!, reading: { shards: read!.shards, workers: read!.workers } };
  }
  // The first shard's bytes stand for the whole only if they hold a data row besides the header.
  const clean = read !== undefined && (read.profile.raggedRows ?? 0) === 0 && read.firstShard.records > 1;
  const admittedFromBytes = clean ? await admittedPrefix(context, read!) : undefined;
  // Sharded input is never compressed, so its stored bytes are its content; a ranged read, as it stops early.
  const { size, chunks } = admittedFromBytes !== undefined ? await context.streamStoredInput({ from: 0 }) : await context.streamInput();
  try {
    await admit(admittedFromBytes !== undefined ? firstBytes(chunks, admittedFromBytes) : chunks);
  } catch (error) {
    // The one-pass refusal, word for word, and the shard its bytes are in.
    if (failed instanceof ShardProfileFailed && error instanceof StepRejection)
      throw new StepRejection(error.code, error.message, [...error.details, shardLabel(failed.shard)]);
    throw error;
  }
  if (failed) throw asStepRejection(failed);
  return { read: read!, reading: { shards: read!.shards, workers: read!.workers, admittedFromBytes: admittedFromBytes ?? size } };
}

/** The bytes of whole leading rows the admission rule reads: the header and at least one data row, no more than the first shard. */
async function admittedPrefix(context: StepContext, read: ShardedRead): Promise<number> {
  const { firstShard, profile } = read;
  if (firstShard.end <= ADMITTED_PREFIX_BYTES || profile.delimiter === undefined) return firstShard.end;
  const { chunks } = await context.streamStoredInput({ from: 0 });
  const leading = await leadingRows(chunks, profile.delimiter.charCodeAt(0), ADMITTED_PREFIX_BYTES);
  return leading.rows > 1 && leading.end <= firstShard.end ? leading.end : firstShard.end;
}
