process.env.LIANJIAN_AUDIENCE = 'public';
const { ledgersInBuild, siteLedgers } = await import('/work/wt/ledgers/src/node/ledgers/site.ts');
console.log(ledgersInBuild(), (await siteLedgers()).length);
