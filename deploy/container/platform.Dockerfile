# syntax=docker/dockerfile:1
# The platform image: `symphainy serve`, every step and manager in one long-lived process.
#
#   docker build -f deploy/container/platform.Dockerfile -t symphainy-platform .
#   docker run --rm -p 127.0.0.1:8080:8080 -v symphainy-data:/data symphainy-platform
#
# The last stage is the image; `--target deployer` builds the one-shot image deploy/compose.yml
# uses to deploy the local stage onto the emulator. See docs/container.md.

ARG NODE_IMAGE=node:22-bookworm-slim

# Production dependencies only, from the lock file. Install scripts stay off: esbuild (under tsx)
# runs from its platform package without them.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

# `npm run deploy:local` (osls + serverless-esbuild) needs the dev dependencies, the whole
# source and curl, which the deploy script uses to check the emulator is up.
FROM ${NODE_IMAGE} AS deployer
# Debian's curl, whatever its current security release; nothing depends on its exact version.
# hadolint ignore=DL3008
RUN apt-get update \
  && apt-get install -y --no-install-recommends curl ca-certificates \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
RUN chown 1000:1000 /app
USER 1000:1000
COPY --chown=1000:1000 package.json package-lock.json ./
RUN npm ci --no-audit --no-fund && npm cache clean --force
COPY --chown=1000:1000 . .
CMD ["npm", "run", "deploy:local"]

FROM ${NODE_IMAGE} AS platform
ENV NODE_ENV=production \
    SYMPHAINY_DATA_DIR=/data
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json tsconfig.json ./
COPY bin ./bin
COPY domain ./domain
COPY events ./events
COPY functions ./functions
COPY local ./local
# The embedded runtime's journal and objects; mount a volume here to keep them across restarts.
RUN mkdir -p /data && chown 1000:1000 /data
# The node image's unprivileged user, by number so Kubernetes' runAsNonRoot can verify it.
USER 1000:1000
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:8080/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# serve finishes what is in flight on SIGTERM (bounded by --drain-timeout), then exits 0.
STOPSIGNAL SIGTERM
ENTRYPOINT ["node", "bin/symphainy.js"]
# Inside a container the server must listen on every interface to be reachable at all.
CMD ["serve", "--host", "0.0.0.0", "--port", "8080"]
