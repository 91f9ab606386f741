import type { Container } from '#domain/inputs/input-container.js';
import type { ArtifactRef, ObjectRef, StepRecord } from '#events/platform-event.js';
import type { Clock } from '#domain/ports/clock.js';
import type { PlatformConfig } from '#domain/ports/platform-config.js';
import type { StreamOptions } from '#domain/ports/object-store.js';
import type { ShardedRead, ShardedTableRead, ShardedTimestamps, TableOutputWriter, TableReadRequest } from '#domain/ports/sharded-profiler.js';
import type { StepPolicyOverrides } from './step-policy.js';

/** What a step implementation is handed. Everything it touches goes through here. */
export interface StepContext {
  readonly journeyId: string;
  readonly useCase: string;
  readonly journey: string;
  readonly step: string;
  /** The uploaded object the journey is about. Never modified. */
  readonly input: ObjectRef;
  /**
   * When the journey began. Use it, not the clock, for anything that lands in an artifact (dates
   * in keys, "today" in checks): a retried step must write the same bytes to the same keys.
   */
  readonly journeyStartedAt: Date;
  /** Steps finished before this one, in order. */
  readonly completedSteps: readonly StepRecord[];
  readonly config: PlatformConfig;
  readonly clock: Clock;
  /**
   * The upload's content: its bytes, gunzipped when they are gzip. Rejects with `file_too_large`
   * above the upload cap, and with `decompressed_too_large` / `decompression_ratio_exceeded` when
   * the content would pass it, so every journey admits the same files.
   */
  readInput(): Promise<Uint8Array>;
  /** The upload's bytes exactly as stored (still compressed), for checksums of the original. */
  readStoredInput(): Promise<Uint8Array>;
  /** The same as a stream, for inputs of any size; `from` makes it a ranged read, for a reader that may stop early. */
  streamStoredInput(options?: StreamOptions): Promise<{ size: number; chunks: AsyncIterable<Uint8Array> }>;
  /** The upload's content as a stream, under the same rules as readInput: for steps whose memory must stay bounded. `size` is the stored size. */
  streamInput(): Promise<{ size: number; container: Container; chunks: AsyncIterable<Uint8Array> }>;
  /**
   * The upload profiled in shards side by side, where the runtime can and the upload is large,
   * splittable text (under the same size cap as streamInput); undefined otherwise, and the step
   * profiles the stream in one pass.
   */
  profileInShards(): Promise<ShardedRead | undefined>;
  /** The upload's timestamp columns followed in shards side by side, on the same terms; undefined when the step is to follow them in one pass. */
  followTimestampsInShards(columns: readonly string[]): Promise<ShardedTimestamps | undefined>;
  /**
   * The upload read in shards side by side by a table pass, on the same terms, its output handed
   * to `writeOutput` (ShardedProfiler.readTable); undefined when the step is to read it in one pass.
   */
  readTableInShards<Part>(request: TableReadRequest, writeOutput?: TableOutputWriter): Promise<ShardedTableRead<Part> | undefined>;
  /** The upload's user metadata (`x-amz-meta-*`), keys lower-cased; empty when it has none. */
  inputMetadata(): Promise<Record<string, string>>;
  /**
   * The nearest object called `fileName` in the upload's folder or a folder above it (same
   * bucket), e.g. a mapping file a team keeps beside its uploads; undefined when there is none.
   */
  findBesideInput(fileName: string): Promise<{ key: string; body: Uint8Array } | undefined>;
  /** The artifact of that name left by an earlier step (the latest one if several). */
  findArtifact(name: string): ArtifactRef | undefined;
  readArtifact(name: string): Promise<Uint8Array>;
  readArtifactJson<T = unknown>(name: string): Promise<T>;
  /** An earlier artifact's bytes as a stream, for artifacts as large as the upload. */
  streamArtifact(name: string): Promise<AsyncIterable<Uint8Array>>;
  /**
   * Store an artifact, write-once. The default key is `journeys/<journey-id>/<step>/<name>`;
   * `key` overrides it (e.g. the curated layout). Writing the same bytes again is a no-op,
   * which is what makes a redelivered step harmless. `listedIn` names the step's own artifact
   * that lists this one (with its key and SHA-256), e.g. a lake's partitions.json: such an
   * artifact is left out of the step's result, so a step may write thousands of them while its
   * event stays small.
   */
  writeArtifact(spec: { name: string; body: Uint8Array | string; contentType: string; key?: string; listedIn?: string }): Promise<ArtifactRef>;
  writeJsonArtifact(name: string, value: unknown, key?: string): Promise<ArtifactRef>;
  /**
   * An earlier artifact filed unchanged under `key`, write-once like writeArtifact, without its
   * bytes passing through the step (the store copies it), whatever its size; its SHA-256 is the
   * one recorded when it was written.
   */
  copyArtifact(spec: { from: string; name: string; key: string; contentType: string }): Promise<ArtifactRef>;
  /** The same, written as it is produced: memory stays bounded whatever the artifact's size. */
  writeArtifactStream(spec: { name: string; chunks: AsyncIterable<Uint8Array | string>; contentType: string; key?: string }): Promise<ArtifactRef>;
}

/** What a step reports besides its artifacts: a few headline numbers for timelines and manifests. */
export interface StepOutcome {
  summary?: Record<string, string | number | boolean | null>;
}

export interface StepDefinition {
  /** snake_case, unique across all use cases: it names the step's function and routing rule. */
  readonly name: string;
  readonly description: string;
  /**
   * Prefixes in the artifact bucket, besides `journeys/<journey-id>/<step>/`, under which the step
   * writes artifacts with an explicit `key` (e.g. `curated/`). The step's cloud role may write
   * nowhere else, and every runtime refuses other keys the same way (functions/shared/function-access.ts).
   */
  readonly keyPrefixes?: readonly string[];
  /**
   * The step profiles its whole input (StepContext.profileInShards). Where the runtime fans a
   * large input out (the cloud, the emulator), the step's function first reads the input's shards
   * as shard requests to itself, then runs the step once every shard has reported, handing it
   * their merged profile. Its routing rule takes the shard events too (routing-table.ts).
   */
  readonly profilesInShards?: boolean;
  /** How the step is run, where it differs from DEFAULT_STEP_POLICY (step-policy.ts). */
  readonly policy?: StepPolicyOverrides;
  run(context: StepContext): Promise<StepOutcome>;
}
