# syntax=docker/dockerfile:1
# The Lambda container-image packaging of the functions: one image holds every function's
# bundle, and each function picks its handler through the image's CMD. serverless.yml builds it
# with `--param="packaging=image"` (osls runs docker build, pushes to ECR, deploys):
#
#   npx sls deploy --stage dev --param="packaging=image"
#
# To build it by hand:
#   docker build -f deploy/container/lambda.Dockerfile --platform linux/arm64 -t symphainy-lambda .

ARG NODE_IMAGE=node:22-bookworm-slim
ARG LAMBDA_IMAGE=public.ecr.aws/lambda/nodejs:22

# The bundles are plain JavaScript: build them on the build machine's own platform.
FROM --platform=$BUILDPLATFORM ${NODE_IMAGE} AS bundles
WORKDIR /src
COPY package.json package-lock.json ./
# Install scripts stay off: esbuild runs from its platform package without them.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json ./
COPY domain domain
COPY events events
COPY functions functions
COPY deploy/serverless deploy/serverless
RUN node deploy/serverless/build-bundles.cjs /bundles

# The AWS base image: the nodejs22.x runtime and the SDK v3 the bundles leave out.
FROM ${LAMBDA_IMAGE}
COPY --from=bundles /bundles/ ${LAMBDA_TASK_ROOT}/
# Each function overrides this with its own handler (image.command in the function's config).
CMD ["functions/experience-manager/handler.handler"]
