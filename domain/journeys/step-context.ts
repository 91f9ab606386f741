import type { ArtifactRef, ObjectRef, StepRecord } from '#events/platform-event.js';
import type { Clock } from '#domain/ports/clock.js';
import type { ObjectStore } from '#domain/ports/object-store.js';
import type { PlatformConfig } from '#domain/ports/platform-config.js';
import type { ShardedProfiler, TableOutputWriter, TableReadRequest } from '#domain/ports/sharded-profiler.js';
import { copyArtifactOnce, writeArtifactOnce, writeStreamedArtifactOnce } from './artifact-store.js';
import type { StepContext } from './step-definition.js';
import { StepRejection } from '#domain/rejections/step-rejection.js';
import { contentChunks, contentLimits, contentOf, peekContainer } from '#domain/inputs/input-container.js';

export interface StepContextInput {
  journeyId: string;
  useCase: string;
  journey: string;
  step: string;
  input: ObjectRef;
  journeyStartedAt: Date;
  completedSteps: readonly StepRecord[];
}

/**
 * Builds the context a step runs in, and records the artifacts it writes so the runner can
 * report them in `Journey Step Completed`.
 */
export function createStepContext(
  request: StepContextInput,
  deps: { store: ObjectStore; config: PlatformConfig; clock: Clock; shardedProfiler?: ShardedProfiler },
): { context: StepContext; written: ArtifactRef[] } {
  const written: ArtifactRef[] = [];
  const { store, config } = deps;

  const findArtifact = (name: string): ArtifactRef | undefined => {
    const mine = [...written].reverse().find((a) => a.name === name);
    if (mine) return mine;
    for (const step of [...request.completedSteps].reverse()) {
      const found = step.artifacts.find((a) => a.name === name);
      if (found) return found;
    }
    return undefined;
  };

  const readArtifact = async (name: string): Promise<Uint8Array> => {
    const ref = findArtifact(name);
    if (!ref) throw new Error(`no earlier step left an artifact named "${name}"`);
    const object = await store.get(ref.bucket, ref.key);
    if (!object) throw new Error(`artifact "${name}" is missing from s3://${ref.bucket}/${ref.key}`);
    return object.body;
  };

  const artifactRefOf = (name: string): ArtifactRef => {
    const ref = findArtifact(name);
    if (!ref) throw new Error(`no earlier step left an artifact named "${name}"`);
    return ref;
  };

  const writeArtifactStream: StepContext['writeArtifactStream'] = async (spec) => {
    const key = spec.key ?? `journeys/${request.journeyId}/${request.step}/${spec.name}`;
    const ref = await writeStreamedArtifactOnce(store, {
      bucket: config.artifactBucket,
      key,
      name: spec.name,
      step: request.step,
      chunks: asBytes(spec.chunks),
      contentType: spec.contentType,
    });
    written.push(ref);
    return ref;
  };

  const writeArtifact: StepContext['writeArtifact'] = async (spec) => {
    const key = spec.key ?? `journeys/${request.journeyId}/${request.step}/${spec.name}`;
    const ref = await writeArtifactOnce(store, {
      bucket: config.artifactBucket,
      key,
      name: spec.name,
      step: request.step,
      body: spec.body,
      contentType: spec.contentType,
    });
    if (spec.listedIn === undefined) written.push(ref);
    return ref;
  };

  const rejectOverLimit = (size: number) => {
    if (size > config.maxUploadBytes) throw new StepRejection('file_too_large', `the file is ${size} bytes; the limit is ${config.maxUploadBytes} bytes`);
  };
  /** The upload as a sharded read takes it: there, and under the size cap. */
  const shardableInput = async () => {
    const head = await store.head(request.input.bucket, request.input.key);
    if (!head) throw new StepRejection('object_missing', `s3://${request.input.bucket}/${request.input.key} no longer exists`);
    rejectOverLimit(head.size);
    return { bucket: request.input.bucket, key: request.input.key, size: head.size };
  };
  const readStored = async () => {
    const head = await store.head(request.input.bucket, request.input.key);
    if (!head) throw new StepRejection('object_missing', `s3://${request.input.bucket}/${request.input.key} no longer exists`);
    rejectOverLimit(head.size);
    const object = await store.get(request.input.bucket, request.input.key);
    if (!object) throw new StepRejection('object_missing', `s3://${request.input.bucket}/${request.input.key} no longer exists`);
    return object.body;
  };

  const context: StepContext = {
    ...request,
    config,
    clock: deps.clock,
    async readInput() {
      return contentOf(await readStored(), contentLimits(config.maxUploadBytes));
    },
    readStoredInput: readStored,
    async streamStoredInput(options) {
      const head = await store.head(request.input.bucket, request.input.key);
      if (!head) throw new StepRejection('object_missing', `s3://${request.input.bucket}/${request.input.key} no longer exists`);
      rejectOverLimit(head.size);
      const opened = await store.stream(request.input.bucket, request.input.key, options);
      if (!opened) throw new StepRejection('object_missing', `s3://${request.input.bucket}/${request.input.key} no longer exists`);
      return { size: opened.head.size, chunks: opened.chunks };
    },
    async profileInShards() {
      const { shardedProfiler } = deps;
      if (!shardedProfiler) return undefined;
      return shardedProfiler.profile(await shardableInput());
    },
    async followTimestampsInShards(columns) {
      const { shardedProfiler } = deps;
      if (!shardedProfiler || columns.length === 0) return undefined;
      return shardedProfiler.followTimestamps(await shardableInput(), columns);
    },
    async readTableInShards<Part>(request: TableReadRequest, writeOutput?: TableOutputWriter) {
      const { shardedProfiler } = deps;
      if (!shardedProfiler?.readTable) return undefined;
      return shardedProfiler.readTable<Part>(await shardableInput(), request, writeOutput);
    },
    async streamInput() {
      const head = await store.head(request.input.bucket, request.input.key);
      if (!head) throw new StepRejection('object_missing', `s3://${request.input.bucket}/${request.input.key} no longer exists`);
      rejectOverLimit(head.size);
      const opened = await store.stream(request.input.bucket, request.input.key);
      if (!opened) throw new StepRejection('object_missing', `s3://${request.input.bucket}/${request.input.key} no longer exists`);
      const { container, chunks } = await peekContainer(opened.chunks);
      return { size: opened.head.size, container, chunks: contentChunks(chunks, contentLimits(config.maxUploadBytes)) };
    },
    async inputMetadata() {
      return (await store.head(request.input.bucket, request.input.key))?.metadata ?? {};
    },
    async findBesideInput(fileName) {
      for (const folder of foldersAbove(request.input.key)) {
        const key = `${folder}${fileName}`;
        const object = await store.get(request.input.bucket, key);
        if (object) return { key, body: object.body };
      }
      return undefined;
    },
    findArtifact,
    readArtifact,
    async readArtifactJson<T>(name: string) {
      return JSON.parse(new TextDecoder().decode(await readArtifact(name))) as T;
    },
    async streamArtifact(name) {
      const ref = artifactRefOf(name);
      const opened = await store.stream(ref.bucket, ref.key);
      if (!opened) throw new Error(`artifact "${name}" is missing from s3://${ref.bucket}/${ref.key}`);
      return opened.chunks;
    },
    writeArtifact,
    writeArtifactStream,
    async copyArtifact(spec) {
      const ref = await copyArtifactOnce(store, {
        from: artifactRefOf(spec.from),
        bucket: config.artifactBucket,
        key: spec.key,
        name: spec.name,
        step: request.step,
        contentType: spec.contentType,
      });
      written.push(ref);
      return ref;
    },
    writeJsonArtifact: (name, value, key) =>
      writeArtifact({ name, body: `${JSON.stringify(value, null, 2)}\n`, contentType: 'application/json', ...(key ? { key } : {}) }),
  };
  return { context, written };
}

const encoder = new TextEncoder();

async function* asBytes(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) yield typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
}

/** `a/b/c.csv` -> `a/b/`, `a/`, `` : nearest first. */
function foldersAbove(key: string): string[] {
  const parts = key.split('/').slice(0, -1);
  const folders: string[] = [];
  for (let depth = parts.length; depth >= 0; depth--)
    folders.push(
      parts
        .slice(0, depth)
        .map((p) => `${p}/`)
        .join(''),
    );
  return folders;
}
