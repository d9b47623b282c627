// The ceiling of the benchmark (docs/performance.md): node:http serving, for each
// request body it knows, the exact bytes the GraphQL server answered for it. No
// database, no GraphQL, no cache lookup: what sending the same bytes costs.
//   node --import tsx bench/raw.ts   (PORT, RAW_ANSWERS: a JSON file { body: answer })
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const answers = new Map<string, Buffer>(
  Object.entries(JSON.parse(readFileSync(process.env.RAW_ANSWERS!, "utf8")) as Record<string, string>).map(([body, answer]) => [body, Buffer.from(answer)]),
);

createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const answer = answers.get(Buffer.concat(chunks).toString("utf8"));
    if (!answer) {
      response.writeHead(404, { "content-type": "text/plain" }).end("unknown body\n");
      return;
    }
    response.writeHead(200, { "content-type": "application/graphql-response+json; charset=utf-8", "content-length": answer.length }).end(answer);
  });
}).listen(Number(process.env.PORT), "127.0.0.1");
