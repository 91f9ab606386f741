/**
 * The event catalogue: an AsyncAPI 3.0 document and one JSON Schema per event, generated from the
 * zod contracts (events/), with who publishes each event taken from the functions' declared access
 * (functions/shared/function-access.ts) and who receives it from the routing table. Nothing here
 * lists an event, a producer or a consumer by hand.
 */
import { z } from 'zod';
import { eventContracts } from '#events/catalogue.js';
import type { EventContract } from '#events/define-event.js';
import { PLATFORM_SOURCE } from '#events/platform-event.js';
import { routingTable, type BusRole, type Route } from '#domain/routing/routing-table.js';
import type { UseCaseRegistry } from '#domain/use-cases/use-case-registry.js';
import { functionAccess } from '#functions/shared/function-access.js';

/** Stands for the stage's upload bucket in the rules' patterns: its name is given at deploy time. */
export const UPLOAD_BUCKET_PLACEHOLDER = '${UploadBucket}';

export interface EventConsumer {
  function: string;
  rule: string;
  /** What the rule asks of the event beyond its source and detail-type (a step's name, a bucket). */
  filter?: Record<string, unknown>;
}

export interface CatalogueEntry {
  /** PascalCase of the detail-type: the message's name in the AsyncAPI document. */
  name: string;
  source: string;
  detailType: string;
  version: number;
  bus: BusRole;
  /** Where its schema is written, relative to the catalogue's folder. */
  schemaFile: string;
  schema: Record<string, unknown>;
  producers: string[];
  consumers: EventConsumer[];
}

export interface EventCatalogue {
  entries: CatalogueEntry[];
  asyncapi: Record<string, unknown>;
}

const pascalCase = (text: string) => text.replace(/(^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_, _gap: string, letter: string) => letter.toUpperCase());
const kebabCase = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The event's name: its detail-type, qualified by the service for an AWS service's event (`aws.s3` Object Created: S3 Object Created). */
const qualifiedName = (contract: Pick<EventContract<z.ZodType>, 'source' | 'detailType'>) =>
  contract.source === PLATFORM_SOURCE ? contract.detailType : `${contract.source.split('.').pop()!.toUpperCase()} ${contract.detailType}`;

/** A schema is published per contract version, so a breaking change takes a new version and a new file. */
export const schemaFileOf = (contract: Pick<EventContract<z.ZodType>, 'source' | 'detailType' | 'version'>) =>
  `schemas/${kebabCase(qualifiedName(contract))}.v${contract.version}.json`;

/** What the event's detail looks like on the bus: the contract's output, as producers publish it. */
export function detailSchemaOf(contract: EventContract<z.ZodType>): Record<string, unknown> {
  return {
    ...z.toJSONSchema(contract.detail, { io: 'output', unrepresentable: 'any' }),
    $id: schemaFileOf(contract),
    title: `${contract.detailType} (version ${contract.version})`,
  };
}

/** The routes whose pattern takes the contract's events (its source, and its detail-type or any). */
export function consumersOf(contract: Pick<EventContract<z.ZodType>, 'source' | 'detailType'>, routes: readonly Route[]): EventConsumer[] {
  return routes.flatMap((route) => {
    const { source, 'detail-type': detailType, ...rest } = route.pattern as { source?: unknown; 'detail-type'?: unknown };
    if (!takes(source, contract.source, route) || (detailType !== undefined && !takes(detailType, contract.detailType, route))) return [];
    return [{ function: route.target, rule: route.rule, ...(Object.keys(rest).length ? { filter: rest } : {}) }];
  });
}

/** Only exact values name an event type unambiguously; a rule matching sources by prefix or wildcard would need the rule engine here. */
function takes(values: unknown, wanted: string, route: Route): boolean {
  if (!Array.isArray(values) || values.some((v) => typeof v !== 'string')) {
    throw new Error(`rule ${route.rule} matches source or detail-type by something other than exact values; the catalogue cannot tell which events it takes`);
  }
  return values.includes(wanted);
}

export function eventCatalogue(registry: UseCaseRegistry, info: { version: string }): EventCatalogue {
  const routes = routingTable(registry, { uploadBucket: UPLOAD_BUCKET_PLACEHOLDER });
  const access = functionAccess(registry);
  const entries = eventContracts.map((contract): CatalogueEntry => {
    const consumers = consumersOf(contract, routes);
    const buses = new Set(consumers.map((c) => routes.find((r) => r.rule === c.rule)!.bus));
    // An AWS service's event arrives on the default bus; the platform's own events on the stage's bus.
    const bus: BusRole = buses.size === 1 ? [...buses][0]! : contract.source === PLATFORM_SOURCE ? 'platform' : 'default';
    const producers =
      contract.source === PLATFORM_SOURCE
        ? Object.entries(access)
            .filter(([, declared]) => declared.publishes.includes(contract.detailType))
            .map(([name]) => name)
            .sort()
        : [contract.source];
    return {
      name: pascalCase(qualifiedName(contract)),
      source: contract.source,
      detailType: contract.detailType,
      version: contract.version,
      bus,
      schemaFile: schemaFileOf(contract),
      schema: detailSchemaOf(contract),
      producers,
      consumers,
    };
  });
  return { entries, asyncapi: asyncApiDocument(entries, info) };
}

const CHANNELS: Record<BusRole, { id: string; address: string; description: string }> = {
  default: {
    id: 'defaultBus',
    address: 'default',
    description: "The account's default EventBridge bus: Amazon S3 puts the upload bucket's Object Created events on it.",
  },
  platform: { id: 'platformBus', address: 'symphainy-{stage}', description: "The stage's own EventBridge bus: every event the platform's functions publish." },
};

function asyncApiDocument(entries: readonly CatalogueEntry[], info: { version: string }): Record<string, unknown> {
  const usedBuses = (['default', 'platform'] as const).filter((bus) => entries.some((e) => e.bus === bus));
  const channels = Object.fromEntries(
    usedBuses.map((bus) => {
      const channel = CHANNELS[bus];
      return [
        channel.id,
        {
          address: channel.address,
          description: channel.description,
          ...(channel.address.includes('{stage}') ? { parameters: { stage: { description: 'The deployed stage (serverless --stage).' } } } : {}),
          messages: Object.fromEntries(entries.filter((e) => e.bus === bus).map((e) => [e.name, { $ref: `#/components/messages/${e.name}` }])),
        },
      ];
    }),
  );
  const operations: Record<string, unknown> = {};
  for (const entry of entries) {
    const channel = { $ref: `#/channels/${CHANNELS[entry.bus].id}` };
    const messages = [{ $ref: `#/channels/${CHANNELS[entry.bus].id}/messages/${entry.name}` }];
    for (const producer of entry.producers) {
      operations[`${pascalCase(producer)}Sends${entry.name}`] = {
        action: 'send',
        channel,
        messages,
        summary: `${producer} publishes ${entry.detailType}`,
        tags: [{ name: producer }],
      };
    }
    for (const consumer of entry.consumers) {
      operations[`${pascalCase(consumer.function)}Receives${entry.name}`] = {
        action: 'receive',
        channel,
        messages,
        summary: `${consumer.function} receives ${entry.detailType} through rule ${consumer.rule}`,
        tags: [{ name: consumer.function }],
        'x-rule': consumer.rule,
        ...(consumer.filter ? { 'x-filter': consumer.filter } : {}),
      };
    }
  }
  const messages = Object.fromEntries(
    entries.map((entry) => [
      entry.name,
      {
        name: entry.name,
        title: entry.detailType,
        summary: `${entry.detailType}, version ${entry.version}, from ${entry.source}`,
        contentType: 'application/json',
        payload: envelopeSchema(entry),
        'x-producers': entry.producers,
        'x-consumers': entry.consumers,
      },
    ]),
  );
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Symphainy journeys events',
      version: info.version,
      description:
        'Every event on the platform\'s buses, as EventBridge delivers it to a rule\'s queue. Generated by "symphainy events catalog" from the event contracts and the routing table.',
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: { messages },
  };
}

/** The EventBridge envelope around the event's detail, whose schema is the event's own file. */
function envelopeSchema(entry: CatalogueEntry): Record<string, unknown> {
  return {
    type: 'object',
    properties: {
      version: { type: 'string' },
      id: { type: 'string' },
      'detail-type': { const: entry.detailType },
      source: { const: entry.source },
      account: { type: 'string' },
      time: { type: 'string' },
      region: { type: 'string' },
      resources: { type: 'array', items: { type: 'string' } },
      detail: { $ref: `./${entry.schemaFile}` },
      'replay-name': { type: 'string', description: 'Present on events re-driven from an archive.' },
    },
    required: ['version', 'id', 'detail-type', 'source', 'account', 'time', 'region', 'resources', 'detail'],
  };
}

/** The catalogue's files, relative to its folder, each as the text written. */
export function catalogueFiles(catalogue: EventCatalogue): { path: string; text: string }[] {
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  return [{ path: 'asyncapi.json', text: json(catalogue.asyncapi) }, ...catalogue.entries.map((e) => ({ path: e.schemaFile, text: json(e.schema) }))];
}
