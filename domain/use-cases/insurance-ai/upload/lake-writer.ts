import { CompactKeyIndex } from '#domain/collections/compact-key-index.js';
import { TextBytes } from '#domain/collections/text-bytes.js';
import type { ArtifactRef } from '#events/platform-event.js';
import type { StepContext } from '#domain/journeys/step-definition.js';
import { INSURANCE_ARTIFACTS } from '../names.js';
import type { InsuranceRecord } from './insurance-record.js';
import { partitionOf, partitionOrder, partitionPath, type LakePartition } from './lake-partitions.js';
import { PortfolioTally } from './portfolio-figures.js';

/** One NDJSON file of a partition. */
export interface LakeFile {
  key: string;
  rows: number;
  bytes: number;
  sha256: string;
}

export interface WrittenPartition extends LakePartition {
  path: string;
  rows: number;
  files: LakeFile[];
  tally: PortfolioTally;
}

interface OpenPartition extends WrittenPartition {
  buffered: TextBytes;
  bufferedRows: number;
  /** Set once a part has been written before the end: the partition is then a numbered series of files. */
  split: boolean;
}

/** Bytes of NDJSON held across all partitions before the largest is written out as a part. */
export const LAKE_BUFFER_BYTES = 32 * 1024 * 1024;

/**
 * Writes records into their `lob=/year=` partitions as they stream past, in bounded memory:
 * records are buffered per partition, and whenever the buffers together pass
 * `bufferBytes` ({@link LAKE_BUFFER_BYTES} unless a test asks for less) the largest is written out as the next part of its partition
 * (`<journey-id>-part-00001.ndjson`, ...), as Spark and Glue write a partition as several files.
 * A partition that fits is one file, `<journey-id>.ndjson`. Parts are cut at the same records
 * for the same extract, so a retried step writes the same keys with the same bytes.
 */
export class LakeWriter {
  private readonly partitions = new Map<string, OpenPartition>();
  /** Keyed by partition and policy: whether a record is its policy's first in its partition. */
  private readonly policies = new CompactKeyIndex(4096);
  private bufferedBytes = 0;

  constructor(
    private readonly context: Pick<StepContext, 'writeArtifact' | 'useCase' | 'journeyId'>,
    private readonly prefix: string,
    private readonly bufferBytes = LAKE_BUFFER_BYTES,
  ) {}

  /** `line`, when given, is the record as NDJSON already (without its line break), written as it is. */
  async add(record: InsuranceRecord, line = JSON.stringify(record)): Promise<void> {
    const where = partitionOf(record);
    const path = partitionPath(where);
    let partition = this.partitions.get(path);
    if (!partition) {
      partition = {
        ...where,
        path,
        rows: 0,
        files: [],
        tally: new PortfolioTally(),
        buffered: new TextBytes(),
        bufferedRows: 0,
        split: false,
      };
      this.partitions.set(path, partition);
    }
    this.policies.idOf(`${path}\u0000${record.policy_number}`);
    partition.tally.add(record, this.policies.added);
    partition.rows++;
    const before = partition.buffered.byteLength;
    partition.buffered.append(`${line}\n`);
    partition.bufferedRows++;
    this.bufferedBytes += partition.buffered.byteLength - before;
    if (this.bufferedBytes > this.bufferBytes) await this.writeLargest();
  }

  /** Writes what is still buffered and returns every partition, in partitionOrder. */
  async finish(): Promise<WrittenPartition[]> {
    const ordered = [...this.partitions.values()].sort(partitionOrder);
    for (const partition of ordered) if (partition.bufferedRows > 0) await this.writePart(partition);
    return ordered.map(({ lob, year, path, rows, files, tally }) => ({ lob, year, path, rows, files, tally }));
  }

  private async writeLargest(): Promise<void> {
    let largest: OpenPartition | undefined;
    for (const partition of this.partitions.values()) if (!largest || partition.buffered.byteLength > largest.buffered.byteLength) largest = partition;
    largest!.split = true;
    await this.writePart(largest!);
  }

  private async writePart(partition: OpenPartition): Promise<void> {
    const part = partition.files.length + 1;
    const file = partition.split ? `${this.context.journeyId}-part-${String(part).padStart(5, '0')}` : this.context.journeyId;
    const ref: ArtifactRef = await this.context.writeArtifact({
      name: partition.split ? `partition ${partition.path} part ${part}` : `partition ${partition.path}`,
      key: `${this.prefix}${this.context.useCase}/${partition.path}/${file}.ndjson`,
      body: partition.buffered.bytes(),
      contentType: 'application/x-ndjson',
      // partitions.json lists every file with its key and checksum; a step's event could not carry hundreds of partitions.
      listedIn: INSURANCE_ARTIFACTS.partitions,
    });
    partition.files.push({ key: ref.key, rows: partition.bufferedRows, bytes: ref.size, sha256: ref.sha256 });
    this.bufferedBytes -= partition.buffered.byteLength;
    partition.buffered = new TextBytes();
    partition.bufferedRows = 0;
  }
}
