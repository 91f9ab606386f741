import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EmbeddedRuntime } from '#local/runtime/embedded-runtime.js';
import { frame, readFrame } from '#local/runtime/record-frame.js';

/**
 * A data dir holding `families` finished mvp journeys (an upload journey and the EDA journey it
 * starts, so twice as many journeys), as a long-used laptop has it. One real family is run, then
 * its journal records and objects are written again with fresh ids, so building 5,000 journeys
 * takes seconds instead of the hour running them would.
 */
export async function buildHistory(dataDir: string, families: number): Promise<void> {
  const template = `${dataDir}-template`;
  const runtime = await EmbeddedRuntime.open({ dataDir: template });
  try {
    await runtime.upload({ body: 'order_id,total_eur\n1,9.50\n2,12.00\n', key: 'uploads/mvp/template.csv' });
    await runtime.idle();
  } finally {
    runtime.close();
  }
  const journal = framedPayloads(readFileSync(join(template, 'journal.ndjson')));
  const objects = readFileSync(join(template, 'objects', 'objects.log'));
  const journeyIds = [...new Set(journal.join('\n').match(/j-[0-9a-f]{20}/g) ?? [])];
  const uuids = [...new Set(journal.join('\n').match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? [])];

  mkdirSync(join(dataDir, 'objects'), { recursive: true });
  const journalParts: Buffer[] = [];
  const objectParts: Buffer[] = [];
  let seq = 0;
  for (let family = 0; family < families; family++) {
    const tag = family.toString(16).padStart(6, '0');
    const rename = (text: string) => {
      let out = text;
      for (const id of journeyIds) out = out.replaceAll(id, `${id.slice(0, -6)}${tag}`);
      for (const id of uuids) out = out.replaceAll(id, `${id.slice(0, -6)}${tag}`);
      return out.replaceAll('uploads/mvp/template.csv', `uploads/mvp/orders-${tag}.csv`);
    };
    for (const payload of journal) {
      const record = JSON.parse(rename(payload)) as { seq: number };
      record.seq = ++seq;
      journalParts.push(frame(JSON.stringify(record)));
    }
    objectParts.push(renamedObjects(objects, rename));
  }
  writeFileSync(join(dataDir, 'journal.ndjson'), Buffer.concat(journalParts));
  writeFileSync(join(dataDir, 'objects', 'objects.log'), Buffer.concat(objectParts));
}

function framedPayloads(buffer: Buffer): string[] {
  const payloads: string[] = [];
  for (let at = 0; at < buffer.byteLength;) {
    const read = readFrame(buffer, at);
    if (read.kind === 'broken') break;
    payloads.push(read.payload);
    at = read.end;
  }
  return payloads;
}

/** The object log with every header's keys renamed and each body as it was. */
function renamedObjects(log: Buffer, rename: (text: string) => string): Buffer {
  const parts: Buffer[] = [];
  for (let at = 0; at < log.byteLength;) {
    const read = readFrame(log, at);
    if (read.kind === 'broken') break;
    const header = JSON.parse(read.payload) as { op: string; length?: number };
    parts.push(frame(rename(read.payload)));
    at = read.end;
    if (header.op === 'put') {
      parts.push(log.subarray(at, at + header.length! + 1));
      at += header.length! + 1;
    }
  }
  return Buffer.concat(parts);
}
