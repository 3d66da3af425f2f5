// Validates SARIF files against the SARIF 2.1.0 schema (a draft-04 JSON schema) and
// GitHub code scanning's upload limits. Usage: node validate.mjs FILE...
// Exit 0 when every file is valid; 1 with one line per problem otherwise; 3 when the
// validator's dependencies are missing (run `npm ci` here).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let Ajv, addFormats;
try {
  Ajv = (await import('ajv-draft-04')).default;
  addFormats = (await import('ajv-formats')).default;
} catch (e) {
  console.error(`validate.mjs: missing dependencies (run npm ci in tests/sarif): ${e.message}`);
  process.exit(3);
}

const here = dirname(fileURLToPath(import.meta.url));
const schema = JSON.parse(readFileSync(join(here, 'sarif-schema-2.1.0.json'), 'utf8'));
// unicodeRegExp: false: the schema's 'language' pattern is not valid in /u mode.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

// GitHub code scanning's documented limits for one upload (docs/github-code-scanning.md).
const kMaxGzipBytes = 10 * 1024 * 1024;
const kMaxRuns = 20;
const kMaxResultsPerRun = 25000;
const kMaxRulesPerRun = 25000;
const kMaxLocationsPerResult = 1000;

let failed = false;
function problem(file, text) {
  console.log(`${file}: ${text}`);
  failed = true;
}

for (const file of process.argv.slice(2)) {
  const log = JSON.parse(readFileSync(file, 'utf8'));
  if (!validate(log)) {
    for (const e of validate.errors) problem(file, `schema: ${e.instancePath || '/'} ${e.message}`);
  }
  if (log.version !== '2.1.0') problem(file, 'version is not 2.1.0');
  const runs = log.runs ?? [];
  if (runs.length > kMaxRuns) problem(file, `${runs.length} runs (GitHub: at most ${kMaxRuns})`);
  for (const [r, run] of runs.entries()) {
    const rules = run.tool?.driver?.rules ?? [];
    const results = run.results ?? [];
    if (!run.tool?.driver?.name) problem(file, `run ${r}: no tool.driver.name`);
    if (results.length > kMaxResultsPerRun) problem(file, `run ${r}: too many results`);
    if (rules.length > kMaxRulesPerRun) problem(file, `run ${r}: too many rules`);
    for (const [i, res] of results.entries()) {
      const where = `run ${r} result ${i}`;
      // What GitHub needs of every result: a message, a rule it can find, a located file.
      if (!res.message?.text) problem(file, `${where}: no message.text`);
      if (rules[res.ruleIndex]?.id !== res.ruleId) {
        problem(file, `${where}: ruleIndex ${res.ruleIndex} does not name ${res.ruleId}`);
      }
      const loc = res.locations?.[0]?.physicalLocation;
      if (!loc?.artifactLocation?.uri) problem(file, `${where}: no artifactLocation.uri`);
      if (loc?.region && !(loc.region.startLine >= 1)) problem(file, `${where}: bad startLine`);
      if ((res.locations?.length ?? 0) > kMaxLocationsPerResult) problem(file, `${where}: locations`);
      if (!res.partialFingerprints?.['halintFingerprint/v1']) {
        problem(file, `${where}: no partialFingerprints`);
      }
    }
    for (const rule of rules) {
      const s = rule.properties?.['security-severity'];
      if (s !== undefined && !(typeof s === 'string' && /^\d+(\.\d+)?$/.test(s) && +s <= 10)) {
        problem(file, `rule ${rule.id}: security-severity must be a numeric string 0-10`);
      }
    }
  }
  if (Buffer.byteLength(JSON.stringify(log)) > kMaxGzipBytes) {
    // Uncompressed size bounds the gzip size; only a huge report needs the real check.
    problem(file, 'larger than 10 MB uncompressed: check the gzip size against the limit');
  }
}
process.exit(failed ? 1 : 0);
