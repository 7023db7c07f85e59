// Validates Cypher with Neo4j's own parser and semantic checks (@neo4j-cypher/language-support).
// Usage: node check-cypher.cjs JOBS.json, where JOBS.json is a list of {"name", "text", "parameters"}.
// Prints one JSON line per query: {"name", "errors": [...]}; exits 1 when any query has an error.
const fs = require("fs");
const { lintCypherQuery } = require("@neo4j-cypher/language-support");

let failed = 0;
for (const job of JSON.parse(fs.readFileSync(process.argv[2], "utf8"))) {
  const result = lintCypherQuery(job.text, { parameters: job.parameters || {} });
  const errors = (result.diagnostics || []).filter((d) => d.severity === 1).map((d) => d.message);
  if (errors.length) failed += 1;
  console.log(JSON.stringify({ name: job.name, errors }));
}
process.exit(failed ? 1 : 0);
