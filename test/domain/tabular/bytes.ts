/** Test helpers: text as upload bytes, and the rejection a call throws. */
export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

export function rejectionOf(run: () => unknown): { code: string; message: string; details: string[] } {
  try {
    run();
  } catch (error) {
    return error as { code: string; message: string; details: string[] };
  }
  throw new Error('expected a rejection, but the call returned');
}
