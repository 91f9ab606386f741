# syntax=docker/dockerfile:1
# MiniStack, the LocalStack-compatible AWS emulator published on PyPI (MIT), for the `ministack`
# profile of deploy/compose.yml:
#
#   docker build -f deploy/container/ministack.Dockerfile -t symphainy-ministack deploy/container
FROM python:3.12-slim

# MiniStack runs Node.js Lambda functions as local `node` processes, so the deployed stage's
# functions need a Node runtime in this image (Debian's; the bundles target Node 20).
# hadolint ignore=DL3008
RUN apt-get update \
  && apt-get install -y --no-install-recommends nodejs \
  && rm -rf /var/lib/apt/lists/*

ARG MINISTACK_VERSION=1.5.33
RUN pip install --no-cache-dir "ministack==${MINISTACK_VERSION}" \
  && useradd --create-home --uid 1000 ministack
USER 1000:1000
WORKDIR /home/ministack

# Every interface: other containers reach it as ministack:4566; compose publishes it on 127.0.0.1.
ENV GATEWAY_PORT=4566 \
    BIND_HOST=0.0.0.0
EXPOSE 4566
HEALTHCHECK --interval=5s --timeout=3s --start-period=10s --retries=12 \
  CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:4566/_ministack/health', timeout=2)"]
CMD ["python", "-m", "ministack"]
