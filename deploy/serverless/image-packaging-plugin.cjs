// `--param="packaging=image"`: every function runs from one Lambda container image
// (deploy/container/lambda.Dockerfile, declared under provider.ecr.images) instead of its zip; the
// image's CMD picks the function's handler. Building it needs a Docker engine (osls runs
// `docker build` and pushes to ECR during deploy). With the default `packaging=zip` nothing changes.
const IMAGE = 'symphainy';

class ImagePackagingPlugin {
  constructor(serverless) {
    this.serverless = serverless;
    this.hooks = { initialize: () => this.apply() };
  }

  apply() {
    const packaging = this.serverless.service.custom?.packaging ?? 'zip';
    if (packaging === 'zip') return;
    if (packaging !== 'image') throw new this.serverless.classes.Error(`packaging "${packaging}" is unknown: use zip (default) or image`);
    const service = this.serverless.service;
    for (const name of service.getAllFunctions()) {
      const fn = service.getFunction(name);
      if (!fn.handler) continue;
      // The image keeps each bundle at functions/<name>/handler.js, as the zip does.
      fn.image = { name: IMAGE, command: [fn.handler] };
      delete fn.handler;
      delete fn.runtime;
      delete fn.architecture;
    }
    // Images are built for one architecture; functions must match it.
    service.provider.architecture = 'arm64';
  }
}

module.exports = ImagePackagingPlugin;
