import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { UPLOAD_PREFIX, uploadKeyProblem } from '#domain/uploads/upload-key.js';
import { COLUMN_MAP_FILE_NAME, COLUMN_MAP_METADATA_KEY, formatColumnMap, MAX_COLUMN_MAP_METADATA_BYTES, parseColumnMap } from '#domain/fields/index.js';
import { badRequest } from './http-error.js';
import { booleanParameter, integerParameter, queryParameters } from './query-parameters.js';

export interface UploadRequest {
  key: string;
  metadata: Record<string, string>;
  contentType?: string;
  wait: boolean;
  waitTimeoutMs: number;
}

const PARAMETERS = ['use-case', 'key', 'name', 'journey', 'column-map', 'wait', 'timeout'] as const;
/** The same settings as headers, for clients that would rather not encode a key into the query. */
const HEADERS: Record<string, string> = {
  'use-case': 'x-symphainy-use-case',
  key: 'x-symphainy-key',
  journey: 'x-symphainy-journey',
  'column-map': 'x-symphainy-column-map',
};
const TAG = /^[a-z][a-z0-9_]*$/;
const DEFAULT_WAIT_SECONDS = 60;

export const uploadParameters = PARAMETERS;

/**
 * Where an upload goes and what it asks for, mirroring `symphainy upload`: with a use case and no
 * key the object goes to uploads/<use-case>/<name>; with a key the use case travels as metadata.
 * A well-formed but unknown use case is accepted: like S3, the server takes the object and the
 * journey ends rejected with the reason.
 */
export function parseUploadRequest(url: URL, headers: IncomingHttpHeaders): UploadRequest {
  const query = queryParameters(url, PARAMETERS, 'POST /uploads');
  const setting = (name: string): string | undefined => {
    const fromQuery = query.get(name);
    const header = HEADERS[name];
    const fromHeader = header ? headerValue(headers, header) : undefined;
    if (fromQuery !== undefined && fromHeader !== undefined && fromQuery !== fromHeader) {
      throw badRequest('conflicting_parameter', `${name} is "${fromQuery}" in the query but "${fromHeader}" in the ${header} header`);
    }
    return fromQuery ?? fromHeader;
  };

  const useCase = setting('use-case');
  if (useCase !== undefined && !TAG.test(useCase)) throw badRequest('bad_parameter', `use-case "${useCase}" is not a use-case tag (snake_case, e.g. mvp)`);
  const journey = setting('journey');
  if (journey !== undefined && !TAG.test(journey)) throw badRequest('bad_parameter', `journey "${journey}" is not a journey name (snake_case, e.g. upload)`);
  const explicitKey = setting('key');
  const name = query.get('name');
  if (explicitKey !== undefined && name !== undefined) throw badRequest('conflicting_parameter', 'give either key or name, not both');
  if (name !== undefined && (name === '' || name.includes('/') || name.length > 255))
    throw badRequest('bad_parameter', `name "${name}" must be a file name: 1 to 255 characters, no "/"`);

  const fileName = name ?? generatedName();
  const key = explicitKey ?? (useCase ? `${UPLOAD_PREFIX}${useCase}/${fileName}` : `${UPLOAD_PREFIX}${fileName}`);
  checkKey(key);
  const metadata: Record<string, string> = {};
  if (useCase && explicitKey !== undefined) metadata['use-case'] = useCase;
  if (journey) metadata['journey'] = journey;
  const columnMap = setting('column-map');
  if (columnMap !== undefined) metadata[COLUMN_MAP_METADATA_KEY] = checkColumnMap(columnMap);

  const timeoutSeconds = integerParameter('timeout', query.get('timeout'), { min: 1, max: 900 }) ?? DEFAULT_WAIT_SECONDS;
  const contentType = headerValue(headers, 'content-type');
  return {
    key,
    metadata,
    // curl --data-binary labels every body as a form; that says nothing about the file.
    ...(contentType && !contentType.startsWith('application/x-www-form-urlencoded') ? { contentType } : {}),
    wait: booleanParameter('wait', query.get('wait')) ?? false,
    waitTimeoutMs: timeoutSeconds * 1000,
  };
}

/** Checked here so a typo is a 400 now, not a rejected journey later; the journey reads the same syntax. */
function checkColumnMap(text: string): string {
  const { entries, problems } = parseColumnMap(text, 'column-map');
  if (problems.length > 0) throw badRequest('bad_parameter', problems.join('; '));
  if (entries.length === 0) throw badRequest('bad_parameter', 'column-map maps no field; write e.g. speed=velocity_mph');
  const value = formatColumnMap(entries);
  if (Buffer.byteLength(value) > MAX_COLUMN_MAP_METADATA_BYTES) {
    throw badRequest(
      'bad_parameter',
      `column-map is ${Buffer.byteLength(value)} bytes; S3 metadata allows ${MAX_COLUMN_MAP_METADATA_BYTES} for it: put the mapping in ${COLUMN_MAP_FILE_NAME} beside the upload`,
    );
  }
  return value;
}

function checkKey(key: string): void {
  const problem = uploadKeyProblem(key);
  if (problem) throw badRequest('bad_parameter', problem);
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function generatedName(): string {
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
  return `upload-${stamp}-${randomBytes(4).toString('hex')}`;
}
