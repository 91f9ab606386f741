import { basename } from 'node:path';
import { createReadStream, statSync } from 'node:fs';
import { parseArgs } from '../parse-args.js';
import type { EmbeddedRuntime } from '#local/runtime/embedded-runtime.js';
import { CommandError, ExitCode, UsageError } from '#local/command-errors/command-error.js';
import { defaultPlatformConfig } from '#domain/ports/platform-config.js';
import { defaultUseCaseRegistry } from '#domain/use-cases/default-registry.js';
import { namedUseCase, uploadLimitOf } from '#domain/uploads/upload-limit.js';
import { printJourney } from '#local/journey-views/journey-report.js';
import { formatBytes, ProgressLine } from '#local/terminal/progress-line.js';
import { cloudOptionSpec, cloudTargetOf, commonOptionSpec, faultOptionSpec, openRuntime } from '../runtime-options.js';
import { cloudPut, cloudUpload, DEFAULT_UPLOAD_TIMEOUT_SECONDS } from '#local/cloud/cloud-commands.js';
import { isColumnMapFile } from '#domain/managers/experience-manager.js';
import { uploadKeyProblem } from '#domain/uploads/upload-key.js';
import { checkColumnMapFile, columnMapMetadata } from './column-map-option.js';
import { uploadUsage } from '../usage.js';

const BIG_FILE_BYTES = 8 * 1024 * 1024;

export async function uploadCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...commonOptionSpec,
      ...cloudOptionSpec,
      ...faultOptionSpec,
      'use-case': { type: 'string' },
      key: { type: 'string' },
      journey: { type: 'string' },
      timeout: { type: 'string' },
      map: { type: 'string', multiple: true },
    },
  });
  if (values.help) return help();
  const [file, ...extra] = positionals;
  if (!file) throw new UsageError(`upload needs a file\n\n${uploadUsage}`);
  if (extra.length) throw new UsageError(`upload takes one file, got ${positionals.length}: ${positionals.join(' ')}`);
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new UsageError(`${file} is not a regular file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  const useCase = values['use-case'];
  if (useCase !== undefined && !/^[a-z][a-z0-9_]*$/.test(useCase)) throw new UsageError(`--use-case "${useCase}" is not a use-case tag (snake_case, e.g. mvp)`);
  const key = values.key ?? (useCase ? `uploads/${useCase}/${basename(file)}` : `uploads/${basename(file)}`);
  const keyProblem = uploadKeyProblem(key);
  if (keyProblem) throw new UsageError(`${keyProblem}${values.key === undefined ? ' (the key is made from the file name; give --key)' : ''}`);
  const metadata: Record<string, string> = {};
  if (useCase && values.key) metadata['use-case'] = useCase;
  if (values.journey) metadata['journey'] = values.journey;
  Object.assign(metadata, columnMapMetadata(values.map));

  const cloud = cloudTargetOf(values);
  const timeoutSeconds = values.timeout === undefined ? DEFAULT_UPLOAD_TIMEOUT_SECONDS : Number(values.timeout);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) throw new UsageError(`--timeout "${values.timeout}" is not a number of seconds`);
  if (values.timeout !== undefined && !cloud)
    throw new UsageError('--timeout applies to a deployed stage (--endpoint or --stage); the embedded runtime waits until the journey ends');

  // The limit is checked before a byte is read or stored: a refused file costs neither memory nor disk.
  // The use case's own limit when it has one (its steps' Lambda budget), else the platform's.
  const limitedBy = useCase ?? namedUseCase(key);
  const limit = uploadLimitOf(defaultUseCaseRegistry(), limitedBy, defaultPlatformConfig);
  if (size > limit) {
    const whose = limitedBy && defaultUseCaseRegistry().useCase(limitedBy)?.maxUploadBytes !== undefined ? ` for use case ${limitedBy}` : '';
    throw new CommandError(
      'file_too_large',
      `${file} is ${formatBytes(size)} (${size} bytes); an upload${whose} may be at most ${formatBytes(limit)} (${limit} bytes). Nothing was stored.`,
    );
  }
  if (isColumnMapFile(key)) {
    if (values.map?.length) throw new UsageError('--map declares a mapping for one upload; a mapping file is the mapping itself');
    return storeColumnMapFile(await readWithProgress(file, size), key, values.json, cloud, values);
  }
  // Streamed into the store, never held whole: a file of gigabytes costs a part's worth of memory.
  const body = streamWithProgress(file, size);
  if (cloud) return cloudUpload(cloud, { body, key, metadata, json: values.json, timeoutSeconds });
  const runtime = await openRuntime(values);
  try {
    const progress = new ProgressLine();
    const stopWatching = size >= BIG_FILE_BYTES ? watchSteps(runtime, progress) : () => undefined;
    const uploaded = await runtime.upload({ body, key, metadata });
    await runtime.idle();
    stopWatching();
    progress.done();
    const view = runtime.journey(uploaded.journeyId);
    if (!view) throw new Error(`journey ${uploaded.journeyId} left no trace; see the journal in the data directory`);
    await printJourney(view, runtime.store, values.json);
    return view.status === 'completed' ? ExitCode.ok : ExitCode.notOk;
  } finally {
    runtime.close();
  }
}

async function readWithProgress(file: string, size: number): Promise<Uint8Array> {
  const progress = new ProgressLine();
  const chunks: Buffer[] = [];
  let read = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    chunks.push(chunk as Buffer);
    read += (chunk as Buffer).byteLength;
    if (size >= BIG_FILE_BYTES)
      progress.update(`uploading ${basename(file)}: ${formatBytes(read)} of ${formatBytes(size)} (${Math.floor((read / size) * 100)}%)`);
  }
  progress.done();
  return Buffer.concat(chunks);
}

async function* streamWithProgress(file: string, size: number): AsyncGenerator<Uint8Array> {
  const progress = new ProgressLine();
  let read = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    read += (chunk as Buffer).byteLength;
    if (size >= BIG_FILE_BYTES)
      progress.update(`uploading ${basename(file)}: ${formatBytes(read)} of ${formatBytes(size)} (${Math.floor((read / size) * 100)}%)`);
    yield chunk as Buffer;
  }
  progress.done();
}

function watchSteps(runtime: EmbeddedRuntime, progress: ProgressLine): () => void {
  return runtime.onEvent((event) => {
    const detail = event.detail as { step?: string; stepIndex?: number; steps?: string[] };
    if (event['detail-type'] === 'Journey Step Requested' && detail.steps) {
      progress.update(`running step ${(detail.stepIndex ?? 0) + 1}/${detail.steps.length}: ${detail.step}`);
    }
  });
}

async function storeColumnMapFile(
  body: Uint8Array,
  key: string,
  json: boolean,
  cloud: ReturnType<typeof cloudTargetOf>,
  values: Parameters<typeof openRuntime>[0],
): Promise<number> {
  const fields = checkColumnMapFile(body, key);
  let stored: { bucket: string; key: string };
  if (cloud) {
    const put = await cloudPut(cloud, { body, key });
    if (typeof put === 'number') return put;
    stored = put;
  } else {
    const runtime = await openRuntime(values);
    try {
      stored = await runtime.upload({ body, key, contentType: 'application/json' });
      await runtime.idle();
    } finally {
      runtime.close();
    }
  }
  const folder = key.slice(0, key.lastIndexOf('/') + 1);
  if (json) console.log(JSON.stringify({ stored: `s3://${stored.bucket}/${stored.key}`, appliesTo: folder, fields }, null, 2));
  else
    console.log(
      `stored the column mapping s3://${stored.bucket}/${stored.key}; it applies to uploads under ${folder || 'the bucket'}:\n${Object.entries(fields)
        .map(([f, c]) => `  ${f} = ${c}`)
        .join('\n')}`,
    );
  return ExitCode.ok;
}

function help(): number {
  console.log(uploadUsage);
  return ExitCode.ok;
}
