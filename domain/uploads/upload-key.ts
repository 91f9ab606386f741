/** Where uploads go: an object below it starts a journey, anything else in the bucket does not. */
export const UPLOAD_PREFIX = 'uploads/';

/** S3's own limit, in UTF-8 bytes. */
export const MAX_KEY_BYTES = 1024;

// C0 controls, DEL and C1 controls: they end up in terminals (ANSI escapes), logs and file names.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why a key cannot name an upload that starts a journey, or undefined when it can. The one rule
 * set that the CLI, `serve` and the experience manager share, so a key one refuses the others
 * refuse with the same words: below `uploads/`, a file not a folder, at most 1,024 bytes, no
 * `.`/`..`/empty segments (which file systems and some S3 clients collapse, so two keys could be
 * one file), no control characters, and valid Unicode.
 */
export function uploadKeyProblem(key: string): string | undefined {
  const shown = JSON.stringify(key.length > 120 ? `${key.slice(0, 120)}…` : key);
  if (!key.startsWith(UPLOAD_PREFIX) || key.length === UPLOAD_PREFIX.length)
    return `key ${shown} must start with ${UPLOAD_PREFIX} and name a file: only uploads there start a journey`;
  const bytes = new TextEncoder().encode(key).byteLength;
  if (bytes > MAX_KEY_BYTES) return `key is ${bytes} bytes; S3 keys are at most ${MAX_KEY_BYTES}`;
  if (LONE_SURROGATE.test(key)) return `key ${shown} is not valid Unicode (it holds a lone surrogate)`;
  const control = CONTROL.exec(key);
  if (control)
    return `key ${shown} holds the control character U+${control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} at position ${control.index}`;
  if (key.endsWith('/')) return `key ${shown} ends with "/": that names a folder, not a file`;
  const segments = key.slice(UPLOAD_PREFIX.length).split('/');
  if (segments.some((s) => s === '.' || s === '..'))
    return `key ${shown} has a "." or ".." segment: keys name files below ${UPLOAD_PREFIX}, not paths out of it`;
  if (segments.some((s) => s === '')) return `key ${shown} has an empty segment ("//")`;
  return undefined;
}
