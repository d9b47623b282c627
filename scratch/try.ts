import { createTestApp, gql } from "../tests/support/app";
const t = await createTestApp({ config: {} as never });
for (const q of [`{ articles(first: 100000) { totalCount } }`, `{ articles(first: 10) { totalCount } }`]) console.log(JSON.stringify(await gql(t, q)));
await t.close();
