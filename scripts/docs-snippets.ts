// docs/clients.md quotes the client recipes (clients/recipes/*.ts, run by
// tests/client-recipes.test.ts) instead of copies that drift: each code block
// that follows `<!-- snippet: <file>#<region> -->` is the text between
// `// #region <region>` and `// #endregion <region>` of that file.
// `npm run docs:snippets` rewrites the blocks; `--check` exits 1 when one is stale.
import { readFileSync, writeFileSync } from "node:fs";

const DOCS = ["docs/clients.md"];

function region(file: string, name: string): string {
  const text = readFileSync(file, "utf8");
  const start = text.indexOf(`// #region ${name}\n`);
  const end = text.indexOf(`// #endregion ${name}`);
  if (start < 0 || end < start) throw new Error(`${file} has no region ${name}`);
  return text.slice(start + `// #region ${name}\n`.length, end).replace(/\n+$/, "\n");
}

export function render(doc: string): string {
  return doc.replace(/<!-- snippet: ([^#\s]+)#(\S+) -->\n```(\w*)\n[\s\S]*?```/g, (_all, file: string, name: string, lang: string) => {
    return `<!-- snippet: ${file}#${name} -->\n\`\`\`${lang || "ts"}\n${region(file, name)}\`\`\``;
  });
}

let stale = false;
for (const doc of DOCS) {
  const current = readFileSync(doc, "utf8");
  const next = render(current);
  if (current === next) continue;
  if (process.argv.includes("--check")) {
    console.error(`${doc} quotes a recipe that changed: run npm run docs:snippets`);
    stale = true;
  } else {
    writeFileSync(doc, next);
    console.log(`wrote ${doc}`);
  }
}
if (stale) process.exit(1);
