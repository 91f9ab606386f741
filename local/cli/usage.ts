import { MIN_TOKEN_LENGTH } from '#local/serve/http/access-token.js';
import { journeyFilterUsage } from './journey-filter.js';

/**
 * Every command's usage text, apart from the commands themselves: `symphainy help` prints them all
 * without loading a single command module (and with it the AWS SDK, the EDA charts, ...), so it
 * starts as fast as node does. Each command prints its own with --help and after a usage error.
 * Keep this module's imports to text and constants.
 */

/** cloud-commands' DEFAULT_UPLOAD_TIMEOUT_SECONDS, which loads the AWS SDK (a test keeps them equal). */
export const UPLOAD_TIMEOUT_DEFAULT_SECONDS = 300;

/** The options of runtime-options.ts, as the commands that take them describe them. */
export const faultUsage = `  --fault <spec>    embedded only, for trying retries and redrives: <step>:fail:<n> fails the step's
                    first n attempts, <step>:timeout[:<s>] hangs it until its timeout (set to s),
                    <step>:slow:<ms> delays it (repeatable)`;

export const shardUsage = `  --workers <n>     embedded only: a large delimited upload is read in shards on n worker threads (the
                    EDA profile, and the mvp upload's validation and typed copy)
                    (default: one per core; 1 reads every upload in one pass)
  --shard-size <s>  embedded only: its shard size (default: a quarter of the file per worker, at least 64MiB)`;

export const cloudUsage = `  --endpoint <url>  a deployed stage on an AWS emulator, e.g. http://127.0.0.1:4566 (stage "local" unless --stage)
  --stage <name>    a deployed stage (stack symphainy-<name>); on AWS, or on AWS_ENDPOINT_URL if set`;

export const uploadUsage = `symphainy upload <file> [--use-case <tag>] [--key <key>] [--journey <name>] [--fault <spec>] [--workers <n>] [--json] [--data-dir <dir> | --endpoint <url> [--stage <name>] [--timeout <s>]]

Puts <file> into the upload bucket as a user would and waits for its journey to end.
  --use-case <tag>  the use case; without --key the object goes to uploads/<tag>/<file name>
  --key <key>       the object key, below uploads/ (at most 1,024 bytes, no control characters,
                    no . or .. segments); with --use-case the tag goes in metadata
  --journey <name>  the journey to run (object metadata "journey"; default: upload)
  --map <f=column>  which column holds a field, e.g. --map speed=velocity_mph or --map time=ts:epoch_ms
                    (repeatable; object metadata "column-map"). A file named _column-map.json is
                    stored as the mapping of its folder instead, and starts no journey.
${faultUsage}
${shardUsage}
${cloudUsage}
  --timeout <s>     with a deployed stage: how long to wait for the journey (default ${UPLOAD_TIMEOUT_DEFAULT_SECONDS})
Exit code 0 only when the journey completed.`;

export const journeysUsage = `symphainy journeys [--status <s>] [--use-case <tag>] [--journey <name>] [--since <when>] [--limit <n>] [--json] [--data-dir <dir> | --endpoint <url> [--stage <name>]]
                                                                  lists journeys, newest first
symphainy show <journey-id> [--json] [--data-dir <dir> | --endpoint <url> [--stage <name>]]  one journey's timeline, steps and artifacts
${journeyFilterUsage}
${cloudUsage}`;

export const logsUsage = `symphainy logs <journey-id> [--follow] [--json] [--data-dir <dir> | --endpoint <url> [--stage <name>]]
The journey's log lines from every function it went through, oldest first: on the embedded runtime
from the data dir's journey log (read without waiting for a process that runs the journey), on a
deployed stage from the functions' CloudWatch Logs groups. --json prints one object per line.
  --follow          keep printing lines as they come until the journey has ended and been delivered;
                    on a stage, waits up to a minute for a journey not recorded yet (a fresh upload's)
${cloudUsage}`;

export const getUsage = `symphainy get s3://<bucket>/<key> [--out <file>] [--json] [--data-dir <dir>]
Reads an object (an upload or an artifact) from the embedded runtime's store: to stdout, or to
<file> with --out; --json prints its head (size, etag, sha256, metadata) instead.`;

export const redriveUsage = `symphainy redrive <journey-id> [--dry-run] [--json] [--data-dir <dir> | --endpoint <url> [--stage <name>]]
symphainy redrive --status failed [--since <when>] [--use-case <tag>] [--journey <name>] [--limit <n>] [--dry-run] [--json]

Continues a failed journey from its failed step, with the same input; the steps that completed
are not run again (their artifacts are reused). The history records each redrive; show lists the
attempts of each. A running, completed or rejected journey is refused with the reason.
  --dry-run         say what would be redriven, and start nothing
${faultUsage}
${cloudUsage}
On the embedded runtime the command waits for the redriven journeys to end; on a deployed stage it
returns once the redrive is on the bus (symphainy show follows it). Exit code 0 when every journey
asked for was redriven (and, embedded, completed).`;

export const dlqUsage = `symphainy dlq list [--json] [--data-dir <dir> | --endpoint <url> [--stage <name>]]
symphainy dlq show <function> [--json]
symphainy dlq redrive <function> [--message <id> | --all] [--json]
symphainy dlq redrive --all [--json]

The messages each function's queue gave up on, kept with their journey, step, attempts and the
reason they died. A dead step request has already failed its journey; redriving it continues
that journey from the step (as "symphainy redrive" does). Any other message goes back to its
function's queue as it was. Without --message or --all, redrive sends the oldest one.
${cloudUsage}`;

export const compactUsage = `symphainy compact [--claims-older-than <hours>] [--json] [--data-dir <dir>]
  rewrites the data dir's object log with only the objects still there (latest versions), and
  drops spent idempotency claims older than --claims-older-than (default 24 hours). Uploads and
  artifacts are kept; the journal (every event, for replay) is kept whole.`;

export const reportUsage = `symphainy report <journey-id> [--open] [--json] [--data-dir <dir>]
Writes an EDA journey's report.html to <data-dir>/reports/<journey-id>.html and prints where it is.
An upload journey's id finds the EDA journey that followed it. --open opens the file in the
default browser (xdg-open, or open on macOS).`;

export const profileUsage = `symphainy profile <file> [--workers <n>] [--shard-size <size>] [--json]
Profiles a CSV, TSV, JSON-array or NDJSON file (gzip or not, recognised from its bytes) in one
streaming pass: per column its type, counts, nulls, distinct values, extremes, mean, spread,
quantiles, histogram and most frequent values; correlations; insights. Delimited text larger
than --shard-size (default: a quarter of the file per worker, at least 64MiB) is read in shards
on --workers threads (default: one per core; 1 reads in one pass) and the shards' statistics
merged: counts come out exact, sketches within their stated error. --json prints {rows, columns, correlations, insights, reading}.
Files over 8 MiB show a progress line on stderr.
Exit 1 when the file cannot be profiled (the reason's code is printed), 2 for bad arguments.`;

export const shardsUsage = `symphainy shards <file> [--shard-size <size>] [--workers <n>] [--json]
Reads a file the way a sharded step will: cut into byte ranges of about --shard-size (default
64MiB; 500MB, 1GiB or a number of bytes), each moved to the start of a record and read at the
same time as the others on --workers threads (default: one per core), and prints each shard's
bytes, rows and first line. A range that starts
inside a quoted field with a line break is found and read again from the right place, so the
shards hold exactly the rows of one read. A gzip file or a JSON array is one shard (it can only
be read from its start). Exit 1 when the file cannot be read (the reason's code is printed),
2 for bad arguments.`;

export const patternUsage = `symphainy pattern test (--pattern <json|@file> | --rule <name>) --event <json|@file> [--json]
Tests an event against an EventBridge event pattern with AWS's semantics; --rule takes the pattern
of a rule of the routing table (symphainy rules lists them).
Exit code 0: matches, 1: does not match (each condition the event fails is named), 2: invalid
pattern or unknown rule (the reason is printed).`;

export const replayUsage = `symphainy replay [source] [filters] [--dry-run] [--pace <events/s>] [--as-new] [--name <replay-name>] [--json]
Runs recorded events again and reports what they set in motion. Sources:
  (default)                  the embedded runtime's journal (--data-dir)
  --from <file|dir>          fixtures: EventBridge events as JSON, JSON arrays or NDJSON, and recordings
                             (replayed into the embedded runtime at --data-dir)
  --archive <name>           an EventBridge archive, replayed onto its bus (StartReplay; --endpoint <url>
  --stage <stage>            for an emulator, --region) until DescribeReplay says it ended; --stage finds
                             the archive of bus symphainy-<stage>; --rule <name> limits it to some rules
Filters (journal and fixtures; an archive replays a time window only):
  --journey <id>  --use-case <tag>  --detail-type <type>  --source <source>   (each repeatable)
  --since <time>  --until <time>    ISO 8601, or a span back from now: 15m, 2h, 1d
By default work that already completed is left alone: events of delivered journeys are skipped.
--as-new replays journeys' triggers under fresh journey ids, so they run again from the start.
--dry-run prints, for each event, the rules and functions it would reach and why.
Exit code 0 when every journey the replay drove completed, 1 otherwise, 3 when --journey names
no journey in the source.`;

export const recordUsage = `symphainy record <journey-id> --out <file> [--name <name>] [--description <text>] [--max-input-bytes <n>] [--json] [--data-dir <dir>]
Keeps a finished journey as a recording: its trigger event, the uploaded file's bytes and its
outcome trace (events in order, steps, statuses, artifact SHA-256s). Before writing, the recording
is replayed once on a scratch runtime; digests that differ (artifacts embedding wall-clock times)
are marked unstable, and a journey that does not replay to the same outcome is refused.
Recordings in events/recordings/ run as regression tests in npm test.
Exit code 3 for an unknown journey id, 1 when the journey cannot be recorded.`;

export const rulesUsage = `symphainy rules [--json]
The routing table, from its single source: every rule with its bus, event pattern and the function
its queue feeds. The embedded runtime routes by it and serverless.yml deploys it.
Exit code 2 when a rule's pattern is one EventBridge would refuse (the rule and reason are printed).`;

export const eventsUsage = `symphainy events validate <file|dir>... [--json]
Checks fixtures against the event contracts: EventBridge envelopes as JSON, JSON arrays or NDJSON,
and recordings. Prints each file's verdict with the reasons; exit code 1 when any file is invalid.
symphainy events catalog [--out <dir>] [--json]
Writes the event catalogue to <dir> (default docs/events): asyncapi.json (AsyncAPI 3.0) and
schemas/<event>.v<version>.json, generated from the event contracts, with each event's producers
and consumers from the routing table. Refuses (exit code 1, nothing written) a schema that breaks
the one already published there under the same version: bump the contract's version instead.`;

export const demoUsage = `symphainy demo [--seed <n>] [--json] [--data-dir <dir>]
Uploads every use case's generated sample files (good and bad) on the embedded runtime and shows
what happened to each. Exit code 0 when every sample ended as its use case says it should.`;

export const samplesUsage = `symphainy samples [--out <dir>] [--seed <n>] [--json]
Writes every use case's deterministic sample files (good and bad) to <dir>/<use-case>/ (default samples/generated).`;

export const serveUsage = `symphainy serve [--port 8080] [--host 127.0.0.1] [--token <t>] [--data-dir <dir>] [--drain-timeout <s>] [--fault <spec>] [--json] [--verbose]
symphainy serve --aws --stage <stage> [--endpoint <url>] [--region <r>] [--upload-bucket <b> --artifact-bucket <b> --event-bus <bus>]

One long-lived process hosting every step and manager, with an HTTP API and a dashboard:
  GET / (the dashboard), GET /health, GET /ready, GET /metrics (Prometheus), POST /uploads,
  GET /journeys, GET /journeys/<id>, GET /events (server-sent events), POST /journeys/<id>/redrive
  --token <t>       required of every request but /health and /ready (Authorization: Bearer <t>, or
                    open /?token=<t> in a browser); default $SYMPHAINY_SERVE_TOKEN. Binding beyond
                    loopback (e.g. --host 0.0.0.0) needs one, of at least ${MIN_TOKEN_LENGTH} characters
  default           on the embedded runtime (state in --data-dir)
  --aws             consumes a deployed stage's SQS queues (symphainy-<stage>-<function>) instead of Lambda;
                    buckets and bus from the stack symphainy-<stage>'s outputs unless named;
                    --endpoint (or $AWS_ENDPOINT_URL) points the SDK at an emulator
${faultUsage}
  --drain-timeout   on SIGTERM/SIGINT/SIGHUP, seconds to finish what is in flight before closing (default 25)
serve also stops so when the process that started it exits (npx killed outright, a closed terminal's
shell): run it under setsid, a service manager or a container to keep it serving on its own.
POST /uploads?use-case=mvp&name=orders.csv with the file as the body answers 202 and the journey's
Location; add &wait=true to get the finished journey (201).`;
