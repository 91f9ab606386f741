// The dead-letter recorder's event sources: one per dead-letter queue routing-resources.cjs
// creates, so a function added to the routing table is covered without a line here.
const { loadRouting, pascalCase } = require('./routing-table-loader.cjs');

module.exports = async ({ resolveVariable }) => {
  const maximumConcurrency = Number(await resolveVariable('param:maxConcurrencyPerFunction'));
  const { routes } = await loadRouting({ uploadBucket: 'unused' });
  return [...new Set(routes.map((route) => route.target))].map((target) => ({
    sqs: {
      arn: { 'Fn::GetAtt': [`${pascalCase(target)}DeadLetterQueue`, 'Arn'] },
      batchSize: 10,
      functionResponseType: 'ReportBatchItemFailures',
      maximumConcurrency,
    },
  }));
};
