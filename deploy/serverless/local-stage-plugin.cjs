// The local stage deploys the same template to an AWS emulator (MiniStack, LocalStack) and
// works around what the emulator lacks, for that stage only:
// - CloudFormation ValidateTemplate accepts only a TemplateBody, while osls validates the
//   uploaded template by TemplateURL; and a body may hold at most 51,200 bytes, which this
//   template exceeds. The step is skipped: cfn-lint checks the same template in CI.
// - CloudFormation has no AWS::Events::Archive: take it out of the template, create it through
//   the EventBridge API after the deploy, and keep the ArchiveName output pointing at it.
// Any other stage is left exactly as osls builds it.
const LOCAL_STAGE = 'local';
const ARCHIVES_METADATA = 'SymphainyEmulatorArchives';

class LocalStagePlugin {
  constructor(serverless, options, { log }) {
    this.serverless = serverless;
    this.options = options;
    this.log = log;
    this.provider = serverless.getProvider('aws');
    this.hooks = {
      initialize: () => this.isLocal() && this.checkEndpoint(),
      // After serverless.yml's resources are merged in, before the template is written.
      'before:aws:package:finalize:saveServiceState': () => this.isLocal() && this.takeOutArchives(),
      'before:aws:deploy:deploy:validateTemplate': () => this.isLocal() && this.skipValidation(),
      'after:deploy:deploy': () => this.isLocal() && this.createArchives(),
    };
  }

  isLocal() {
    return this.provider.getStage() === LOCAL_STAGE;
  }

  checkEndpoint() {
    const command = this.serverless.processedInput.commands.join(' ');
    if ((command === 'deploy' || command === 'remove') && !process.env.AWS_ENDPOINT_URL) {
      throw new this.serverless.classes.Error(`the "${LOCAL_STAGE}" stage deploys to an emulator only: set AWS_ENDPOINT_URL (npm run deploy:local does)`);
    }
  }

  skipValidation() {
    const deploy = this.serverless.pluginManager.plugins.find((plugin) => plugin.constructor.name === 'AwsDeploy');
    if (!deploy) throw new this.serverless.classes.Error('osls deploy plugin not found: cannot adapt template validation');
    deploy.validateTemplate = async () => this.log.info('ValidateTemplate skipped for the emulator (cfn-lint checks the template)');
  }

  takeOutArchives() {
    const template = this.serverless.service.provider.compiledCloudFormationTemplate;
    const archives = [];
    for (const [logicalId, resource] of Object.entries(template.Resources)) {
      if (resource.Type !== 'AWS::Events::Archive') continue;
      archives.push(resource.Properties);
      delete template.Resources[logicalId];
      for (const output of Object.values(template.Outputs ?? {})) {
        if (output.Value && output.Value.Ref === logicalId) output.Value = resource.Properties.ArchiveName;
      }
    }
    // Kept in the template, so `deploy --package <dir>` knows them too.
    template.Metadata = { ...template.Metadata, [ARCHIVES_METADATA]: archives };
  }

  async createArchives() {
    const template = this.serverless.service.provider.compiledCloudFormationTemplate;
    const archives = template.Metadata?.[ARCHIVES_METADATA] ?? [];
    if (archives.length === 0) return;
    const { EventBridgeClient, ListArchivesCommand, CreateArchiveCommand } = require('@aws-sdk/client-eventbridge');
    const eventBridge = new EventBridgeClient(await this.provider.getAwsSdkV3Config());
    const busArn = await this.stackOutput('EventBusArn');
    for (const archive of archives) {
      const existing = await eventBridge.send(new ListArchivesCommand({ NamePrefix: archive.ArchiveName }));
      if ((existing.Archives ?? []).some((a) => a.ArchiveName === archive.ArchiveName)) continue;
      await eventBridge.send(
        new CreateArchiveCommand({
          ArchiveName: archive.ArchiveName,
          Description: archive.Description,
          EventSourceArn: busArn,
          RetentionDays: archive.RetentionDays,
          ...(archive.EventPattern ? { EventPattern: JSON.stringify(archive.EventPattern) } : {}),
        }),
      );
      this.log.notice(`Created event archive ${archive.ArchiveName} through the EventBridge API (the emulator's CloudFormation has no AWS::Events::Archive)`);
    }
  }

  async stackOutput(key) {
    const stackName = this.provider.naming.getStackName();
    const { CloudFormationClient, DescribeStacksCommand } = require('@aws-sdk/client-cloudformation');
    const cloudFormation = new CloudFormationClient(await this.provider.getAwsSdkV3Config());
    const { Stacks } = await cloudFormation.send(new DescribeStacksCommand({ StackName: stackName }));
    const output = (Stacks?.[0]?.Outputs ?? []).find((o) => o.OutputKey === key);
    if (!output) throw new this.serverless.classes.Error(`stack ${stackName} has no ${key} output`);
    return output.OutputValue;
  }
}

module.exports = LocalStagePlugin;
