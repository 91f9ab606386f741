export interface JsonResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export async function getJson<T = any>(url: string): Promise<JsonResponse<T>> {
  const res = await fetch(url);
  return { status: res.status, headers: res.headers, body: (await res.json()) as T };
}

export async function postUpload<T = any>(
  base: string,
  body: string | Uint8Array,
  query: Record<string, string> = {},
  headers: Record<string, string> = {},
): Promise<JsonResponse<T>> {
  const res = await fetch(`${base}/uploads?${new URLSearchParams(query)}`, { method: 'POST', body, headers });
  return { status: res.status, headers: res.headers, body: (await res.json()) as T };
}

const ENDED = new Set(['completed', 'failed', 'rejected']);

/** Polls the journey until it has ended and been delivered; each poll waits for the answer, the loop is bounded. */
export async function pollUntilOver(base: string, journeyId: string, timeoutMs = 30_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  let last: JsonResponse | undefined;
  while (Date.now() < deadline) {
    last = await getJson(`${base}/journeys/${journeyId}`);
    if (last.status === 200 && ENDED.has(last.body.status) && last.body.delivery) return last.body;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`journey ${journeyId} not over within ${timeoutMs} ms; last answer ${last?.status} ${JSON.stringify(last?.body)}`);
}
